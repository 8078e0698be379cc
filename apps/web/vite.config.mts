import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

/**
 * `import { Button, Form } from 'antd'` in the app becomes one import per component module
 * (`antd/es/button`, `antd/es/form`), as antd's own index re-exports them. Same code, but the module
 * graph now says which components a page uses: through the barrel every page reaches all of antd,
 * and `libraryChunks` below could not tell the public pages' modules from the console's.
 */
function antdPerComponent(): Plugin {
  const index = readFileSync(createRequire(import.meta.url).resolve('antd/es/index.js'), 'utf8');
  const modules = new Map(
    [...index.matchAll(/export \{ default as (\w+) \} from '\.\/([\w-]+)';/g)].map((m) => [m[1]!, `antd/es/${m[2]}`]),
  );
  return {
    name: 'antd-per-component',
    transform(code, id) {
      if (!id.startsWith(here('src/')) || !/from\s*["']antd["']/.test(code)) return null;
      return code.replace(/import\s*\{([^}]*)\}\s*from\s*["']antd["'];?/g, (_, names: string) =>
        names
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => {
            const [name = '', local = name] = s.split(/\s+as\s+/);
            const path = modules.get(name);
            if (!path)
              throw new Error(`antd-per-component: antd/es/index.js has no default export named ${name} (${id})`);
            return `import ${local} from '${path}';`;
          })
          .join('\n'),
      );
    },
  };
}

interface Graph {
  getModuleInfo(id: string): { importedIds: readonly string[]; importers: readonly string[] } | null;
}

/** The shared components that pages import statically (NotFound is loaded only for a 404). */
const sharedComponents = (graph: Graph) =>
  readdirSync(here('src/components'))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => here(`src/components/${f}`))
    .filter((id) => (graph.getModuleInfo(id)?.importers.length ?? 0) > 0);

/** Every module the roots import statically, directly or not. */
function reach(graph: Graph, roots: string[]): Set<string> {
  const seen = new Set<string>();
  for (let id = roots.pop(); id !== undefined; id = roots.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    roots.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

const page = (name: string) => here(`src/pages/${name}.tsx`);
/** The public pages other than the registration form's (matchmaking has forms of its own). */
const OTHER_PAGES = ['HomePage', 'ActivityPage', 'RegistrationPage', 'NotFoundPage'].map(page);

/**
 * Library chunks, in the order they are taken: `shell`, what every page loads (the entry, the
 * shared components); `public`, what the registration page (/sessions/:id) shares with the other
 * public pages; `registration-form`, what only it adds (Form, Radio, Checkbox, Input …).
 */
const LIBRARY_CHUNKS = ['shell', 'public', 'registration-form'] as const;
const chunkMaps = new WeakMap<object, Map<string, string>>();

/** Module id → library chunk, from walks of the module graph once per chunking pass. */
function libraryChunkOf(graph: Graph): Map<string, string> {
  const key = graph.getModuleInfo(here('src/main.tsx')) ?? graph;
  let chunkOf = chunkMaps.get(key);
  if (chunkOf) return chunkOf;
  const shell = reach(graph, [here('src/main.tsx'), ...sharedComponents(graph)]);
  const others = reach(graph, [...OTHER_PAGES]);
  chunkOf = new Map();
  for (const id of reach(graph, [page('SessionPage')])) {
    if (!id.includes('/node_modules/')) continue;
    chunkOf.set(id, shell.has(id) ? 'shell' : others.has(id) ? 'public' : 'registration-form');
  }
  for (const id of shell) if (id.includes('/node_modules/')) chunkOf.set(id, 'shell');
  chunkMaps.set(key, chunkOf);
  return chunkOf;
}

/**
 * The public pages' libraries in these three chunks instead of rolldown's own splitting, which cut
 * antd into a chunk per set of pages sharing a module once the console came (~30 on the
 * registration page), each costing its wrapper and compressing alone: 253 KB gzipped instead of
 * ~240. Modules only the other pages or the console use (Collapse, Modal, Table, Menu, echarts,
 * jsQR …) keep rolldown's splitting; the app's own code stays in its page chunks. Walks follow
 * imports, not the bindings used: a module imported for one helper brings all it imports.
 */
const libraryChunks = LIBRARY_CHUNKS.map((name, i) => ({
  debugName: name,
  // the earlier chunk first: a group also takes the modules its own modules import
  priority: LIBRARY_CHUNKS.length - i,
  name: (id: string, graph: Graph) => (libraryChunkOf(graph).get(id) === name ? name : null),
}));

export default defineConfig({
  root: here('.'),
  plugins: [react(), antdPerComponent()],
  resolve: {
    // the API's own pure identifier rules (USCC, 身份证, mobile), never a copy
    alias: { '@identifiers': here('../../libs/registration/src/identifiers') },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: { output: { codeSplitting: { groups: libraryChunks } } },
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
