import Ajv, { ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Response } from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { repoRoot } from './repo-root';

/**
 * Checks every response a test receives against the OpenAPI document: the route, method and
 * status must be declared, the media type must be the declared one, and a JSON body must match
 * the declared schema. Response classes are closed (`additionalProperties: false` unless they say
 * otherwise), so a field the document does not declare fails too; only the error shape stays open
 * for the facts some errors add (e.g. `existing` on a 409).
 */
export class OpenApiValidator {
  /** responses checked against a declared schema or media type */
  checked = 0;

  private readonly ajv: Ajv;
  private readonly routes: { method: string; template: string; pattern: RegExp }[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly doc: OpenAPIObject) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema(closed(structuredClone(doc)) as object, 'openapi.json');
    this.routes = Object.entries(doc.paths)
      .flatMap(([template, item]) =>
        Object.keys(item)
          .filter((m) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(m))
          .map((method) => ({ method, template, pattern: toPattern(template) })),
      )
      // literal segments win over parameters: /a/{id} never shadows /a/b
      .sort((a, b) => paramCount(a.template) - paramCount(b.template));
  }

  /**
   * The validator of the committed document (apps/web/src/api/openapi.json, which the freshness
   * test holds equal to the code's), for suites that talk to an API process with fetch.
   */
  static committed(): OpenApiValidator {
    const file = join(repoRoot(), 'apps/web/src/api/openapi.json');
    return new OpenApiValidator(JSON.parse(readFileSync(file, 'utf8')) as OpenAPIObject);
  }

  /** Throws when `res` is not a declared answer to `method url`. */
  assert(method: string, url: string, res: Pick<Response, 'status' | 'headers' | 'body'>): void {
    const problem = this.problem(method, url, res);
    if (problem) throw new Error(`OpenAPI: ${problem}`);
  }

  /** The problem with `res` as an answer to `method url`, or undefined when it matches. */
  problem(method: string, url: string, res: Pick<Response, 'status' | 'headers' | 'body'>): string | undefined {
    const path = new URL(url, 'http://localhost').pathname;
    const route = this.routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));
    if (!route) {
      // not an API route (docs, queue dashboard): only an error answer has a shape to check
      if (res.status < 400 || !path.startsWith('/api/') || path.startsWith('/api/docs')) return undefined;
      return this.check(`${method} ${path} → ${res.status}`, res, '#/components/schemas/ErrorResponse');
    }
    const responses = this.doc.paths[route.template]![route.method as 'get']!.responses;
    const status = String(res.status);
    const key = [status, `${status[0]}XX`, 'default'].find((k) => k in responses);
    const where = `${method.toUpperCase()} ${route.template} → ${status}`;
    if (!key || (key === 'default' && res.status < 400)) return `${where}: status ${status} is not declared`;
    const declared = responses[key] as { content?: Record<string, unknown> };
    const mediaTypes = Object.keys(declared.content ?? {});
    const actual = String(res.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    if (mediaTypes.length === 0) {
      if (res.status === 204 || !actual) {
        this.checked++;
        return undefined;
      }
      return `${where}: declares no body, got ${actual}`;
    }
    if (!mediaTypes.includes(actual))
      return `${where}: content-type ${actual || '(none)'} is not ${mediaTypes.join(' or ')}`;
    if (actual !== 'application/json') {
      this.checked++;
      return undefined;
    }
    const pointer = ['paths', route.template, route.method, 'responses', key, 'content', actual, 'schema']
      .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    return this.check(where, res, `#/${pointer}`);
  }

  private check(where: string, res: Pick<Response, 'body'>, pointer: string): string | undefined {
    this.checked++;
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi.json${pointer}` });
      this.compiled.set(pointer, validate);
    }
    if (validate(res.body)) return undefined;
    const errors = this.ajv.errorsText(validate.errors, { separator: '\n  ', dataVar: 'body' });
    return `${where}: the body does not match the declared schema\n  ${errors}`;
  }

  /** `agent` whose every request also checks its response against the document. */
  wrap(agent: TestAgent): TestAgent {
    return new Proxy(agent, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver);
        if (typeof prop !== 'string' || !HTTP_METHODS.has(prop) || typeof value !== 'function') return value;
        return (...args: unknown[]) => this.hook((value as (...a: unknown[]) => TestRequest).apply(target, args));
      },
    });
  }

  private hook(test: TestRequest): TestRequest {
    const end = test.end.bind(test);
    let hooked = false;
    test.end = (fn) => {
      // added last, so the test's own expectations speak first
      if (!hooked) {
        hooked = true;
        test.expect((res: Response) => this.assert(test.method, test.url, res));
      }
      return end(fn);
    };
    return test;
  }
}

type TestRequest = ReturnType<TestAgent['get']> & { method: string; url: string };

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'del', 'patch', 'head', 'options']);

const paramCount = (template: string) => (template.match(/\{/g) ?? []).length;

function toPattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * `nullable: true` admits null as the generated client reads it (`X | null`): Ajv's `nullable`
 * widens `type` only, so a nullable enum gets null among its values and a nullable `allOf`
 * (a class property) becomes "null or the schema".
 */
function nullable(s: Record<string, unknown>): void {
  if (s.nullable !== true) return;
  if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...(s.enum as unknown[]), null];
  if (Array.isArray(s.allOf)) {
    const { allOf, type: _type, nullable: _nullable, ...rest } = s;
    for (const key of Object.keys(s)) delete s[key];
    Object.assign(s, rest, { anyOf: [{ type: 'null' }, { allOf }] });
  }
}

/** Component schemas become closed objects, except the error shape (errors may add facts). */
function closed(doc: OpenAPIObject): OpenAPIObject {
  const close = (schema: unknown): void => {
    if (!schema || typeof schema !== 'object') return;
    if (Array.isArray(schema)) return schema.forEach(close);
    const s = schema as Record<string, unknown>;
    if (s.properties && s.additionalProperties === undefined) s.additionalProperties = false;
    for (const value of Object.values(s)) close(value);
    nullable(s);
  };
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    if (name !== 'ErrorResponse') close(schema);
  }
  return doc;
}
