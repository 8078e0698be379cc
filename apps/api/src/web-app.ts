import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** dist/web of the repository (from apps/api/src or dist/apps/api/src), or WEB_DIST_DIR. */
export function webDistDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WEB_DIST_DIR) return resolve(env.WEB_DIST_DIR);
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return join(dir, 'dist/web');
}

/**
 * Serves the built web app (apps/web → dist/web) at `/`: hashed assets under /assets/ are cached
 * for a year, index.html never, and every other non-/api GET answers index.html so deep links
 * (/sessions/12, /r/5?token=…) load directly. Without a build, `/` stays a 404 and the API works.
 */
export async function serveWebApp(app: NestFastifyApplication, root = webDistDir()): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // one route per built file (the build is done before the API starts); the rest falls back below
    wildcard: false,
    index: false,
    cacheControl: false,
    // .br and .gz copies written by apps/web/build-if-stale.mjs
    preCompressed: true,
    setHeaders: (reply, path) => {
      reply.header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : 'no-cache');
    },
  });
  const fallback = (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0]!;
    // unknown API routes keep the API's JSON 404; a missing asset is a 404, not the page
    if (path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/')) return reply.callNotFound();
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', root);
  };
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/', fallback);
  fastify.get('/*', fallback);
  return true;
}
