import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/repo-root';

/**
 * The committed OpenAPI document (kept current by client-fresh.e2e-spec.ts) is complete: what
 * the web client and the e2e response checks rely on. A new route fails here with its name.
 */
const ROOT = repoRoot();
const FILE = join(ROOT, 'apps/web/src/api/openapi.json');

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: { type?: string };
}
interface Operation {
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  servers?: unknown[];
  security?: unknown[];
}

const doc = JSON.parse(readFileSync(FILE, 'utf8')) as Doc;
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
);

describe('the OpenAPI document', () => {
  it('declares servers and security', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.security).toEqual([{ bearer: [] }, {}]);
  });

  it('declares a success response with a body (or a 204) for every route', () => {
    const missing = operations
      .filter(({ op }) => {
        const ok = Object.entries(op.responses).filter(([s]) => /^2\d\d$/.test(s));
        return ok.length === 0 || ok.some(([s, r]) => s !== '204' && !r.content);
      })
      .map((o) => o.name);
    expect(missing).toEqual([]);
  });

  it('declares every error response with the one error shape', () => {
    // a 503 from readiness is its report (what is down), not an error of the request
    const notErrors = ['GET /api/health/ready 503'];
    const wrong = operations.flatMap(({ name, op }) =>
      Object.entries(op.responses)
        .filter(([s]) => s === 'default' || Number(s) >= 400)
        .filter(([s]) => !notErrors.includes(`${name} ${s}`))
        .filter(([, r]) => r.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorResponse')
        .map(([s]) => `${name} ${s}`),
    );
    expect(wrong).toEqual([]);
  });

  it('declares each header once and optional; path ids, page and pageSize are integers', () => {
    const problems = operations.flatMap(({ name, op }) => {
      const params = op.parameters ?? [];
      const headers = params.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
      return [
        ...headers.filter((h, i) => headers.indexOf(h) !== i).map((h) => `${name}: ${h} twice`),
        ...params.filter((p) => p.in === 'header' && p.required).map((p) => `${name}: ${p.name} required`),
        ...params
          .filter((p) => (p.in === 'path' ? /^(id|.*Id)$/ : /^(page|pageSize)$/).test(p.name))
          .filter((p) => p.schema?.type !== 'integer')
          .map((p) => `${name}: ${p.name} is ${p.schema?.type}`),
      ];
    });
    expect(problems).toEqual([]);
    const idempotent = operations.filter(({ op }) => op.parameters?.some((p) => p.name === 'idempotency-key'));
    expect(idempotent.map((o) => o.name)).toContain('POST /api/sessions/{id}/registrations');
  });

  it('passes redocly lint with no error (redocly.yaml)', () => {
    const cli = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
    const run = spawnSync(process.execPath, [cli, 'lint', '--format=summary'], { cwd: ROOT, encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`).toContain('Your API description is valid');
    expect(run.status).toBe(0);
  });
});
