import { readFileSync } from 'node:fs';
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
 * and `firstLoadChunk` below could not tell the public pages' modules from the console's.
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
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** What the registration page (/sessions/:id, the bench's page) loads first: the entry and its page. */
const FIRST_LOAD_ROOTS = [here('src/main.tsx'), here('src/pages/SessionPage.tsx')];
const firstLoadSets = new WeakMap<object, Set<string>>();

/** Every module the roots import statically, directly or not (one walk per chunking pass). */
function firstLoadModules(graph: Graph): Set<string> {
  const key = graph.getModuleInfo(FIRST_LOAD_ROOTS[0]!) ?? graph;
  let found = firstLoadSets.get(key);
  if (found) return found;
  found = new Set();
  const todo = [...FIRST_LOAD_ROOTS];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (found.has(id)) continue;
    found.add(id);
    todo.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  firstLoadSets.set(key, found);
  return found;
}

/**
 * The libraries of the registration page's first load in one chunk. Left to itself, rolldown cuts
 * antd into a chunk per set of pages sharing a module (~30 on that page once the console came),
 * and each small chunk costs its own wrapper and compresses worse: 253 KB gzipped instead of ~240.
 * The console's own modules (Table, Menu, echarts, jsQR …) are not reachable from these roots and
 * keep rolldown's splitting; the app's own code stays in its page chunks.
 */
const firstLoadChunk = {
  debugName: 'first-load',
  name: (id: string, graph: Graph) =>
    id.includes('/node_modules/') && firstLoadModules(graph).has(id) ? 'first-load' : null,
};

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
    rolldownOptions: { output: { codeSplitting: { groups: [firstLoadChunk] } } },
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
