import fc from 'fast-check';
import { Operation, Parameter, Schema } from './openapi';

/** One generated request, as app.inject takes it. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** what makes it malformed: a write with this must change nothing */
  poison: string;
}

/** Ids and codes that exist, so a request with a good path gets past the lookups to the validators. */
export interface KnownIds {
  id: Record<string, string[]>;
  code: string[];
}

export type Auth = 'admin' | 'organizer' | 'none' | 'garbage';

const nest = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

const BAD_STRINGS = ['a\u0000b', 'x\uffff', 'x\ud800y', '\udc00', 'tab\u0001', '\ufffe'];
const BAD_DATES = ['2026-W49-1', '2026-333', '20261129T100000Z', '2026-02-30T10:00:00Z', '0NaN-aN-aN', '2026-11-29'];
const WRONG_TYPES: Record<string, unknown[]> = {
  string: [null, 123, true, [], {}, ...BAD_STRINGS, nest(40), nest(3000)],
  integer: [null, '1', [], {}, true, 'a\u0000', 1.5, nest(40)],
  number: [null, '1', [], {}, true, nest(40)],
  boolean: [null, 'true', 1, 0, [], {}, nest(40)],
  array: [null, 'x', 5, {}, [[]], [null], [{}], nest(40), nest(3000)],
  object: [null, 'x', 5, [], true, nest(40), nest(3000), { '\u0000': 1 }, { key: 'x\ud800' }],
};

/** A value that no field of this schema accepts. */
export function badValue(schema: Schema): fc.Arbitrary<unknown> {
  const type = schema.type ?? (schema.properties ? 'object' : 'string');
  const pool = [...(WRONG_TYPES[type] ?? WRONG_TYPES.string!)];
  if (schema.format === 'date-time') pool.push(...BAD_DATES);
  if (schema.enum) pool.push('not-one-of-them', 'ENTERPRISE');
  if (type === 'integer' || type === 'number') pool.push(Number('184467440737095516'), -0.5);
  return fc.constantFrom(...pool);
}

/** A plausible value, so the poisoned field is not the only thing the validators see. */
export function goodValue(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'integer':
    case 'number':
      return fc.integer({ min: 1, max: 5 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(goodValue(schema.items ?? {}), { maxLength: 3 });
    case 'object':
      return schema.properties
        ? goodObject(schema)
        : fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 });
    default:
      if (schema.format === 'date-time')
        return fc
          .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString());
      return fc.oneof(fc.constantFrom('泉州', 'a@b.cn', 'x', 'https://a.example'), fc.string({ maxLength: 20 }));
  }
}

function goodObject(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  return fc.record(Object.fromEntries(props.map(([k, s]) => [k, goodValue(s)])), {
    requiredKeys: schema.required ?? [],
  });
}

/** A body that fails validation: one field (possibly nested) given a value it cannot take, or an unknown field. */
function poisonedBody(schema: Schema): fc.Arbitrary<{ body: unknown; poison: string }> {
  const props = Object.entries(schema.properties ?? {});
  const nested: [string, Schema][] = props.flatMap(([k, s]) =>
    s.type === 'array' && s.items?.properties
      ? Object.entries(s.items.properties).map(([nk, ns]) => [`${k}[0].${nk}`, ns] as [string, Schema])
      : s.properties
        ? Object.entries(s.properties).map(([nk, ns]) => [`${k}.${nk}`, ns] as [string, Schema])
        : [],
  );
  const targets = [...props, ...nested];
  const field = targets.length
    ? fc.constantFrom(...targets).chain(([name, s]) => badValue(s).map((v) => ({ name, v })))
    : fc.constant({ name: '__fuzz', v: 1 as unknown });
  const unknown = fc.record({ name: fc.constantFrom('__fuzz', 'admin', 'id', '__proto__x'), v: fc.jsonValue() });
  return fc
    .tuple(goodObject(schema), fc.oneof({ weight: 4, arbitrary: field }, { weight: 1, arbitrary: unknown }))
    .map(([base, { name, v }]) => {
      const body = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
      const nestedPath = /^(\w+)(\[0\])?\.(\w+)$/.exec(name);
      if (nestedPath) {
        const [, outer, isArray, inner] = nestedPath as unknown as [string, string, string | undefined, string];
        const holder: Record<string, unknown> = {};
        holder[inner] = v;
        body[outer] = isArray ? [holder] : holder;
      } else body[name] = v;
      return { body, poison: `body.${name}` };
    });
}

/** Refused by the JSON parser whatever the route. */
const RAW_MALFORMED = ['{"a":', '{', '{"__proto__":{"x":1}}', '\u0000', '{"a":1}}', '', 'nul', '{"a":"\\ud800"}'];
/** JSON, but no request DTO is a string, a number or an array. */
const RAW_WRONG_SHAPE = ['"text"', '5', 'true', '[]', '[{}]'];

function pathValue(param: Parameter, known: KnownIds, poisoned: boolean): fc.Arbitrary<string> {
  const isCode = param.name === 'code';
  const bad = isCode
    ? ['%00', 'x'.repeat(3000), '%FF%FE', '%EF%BF%BF', 'no-such-plan', '..%2F..%2Fetc', '%20']
    : [
        '0',
        '-1',
        'abc',
        '1e3',
        '1.5',
        '0x10',
        '2147483648',
        '99999999999999999999',
        '184467440737095516',
        '%00',
        '%EF%BF%BF',
        ' 1',
        'null',
      ];
  if (poisoned) return fc.constantFrom(...bad);
  const good = isCode ? known.code : (known.id[param.name] ?? known.id.id ?? ['1']);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...good) },
    { weight: 1, arbitrary: fc.constantFrom('99999', '1', '2') },
  );
}

const QUERY_BAD = [
  '0',
  '-1',
  '184467440737095516',
  'abc',
  '1.5',
  '',
  '1e3',
  '%00',
  '%EF%BF%BF',
  'x'.repeat(300),
  '2026-W49-1',
];
const QUERY_ANY = ['1', '2', '50', '500', 'confirmed', 'enterprise', 'sent', '2026-01-01T00:00:00Z', 'token'];

function queryString(params: Parameter[], poisoned: boolean): fc.Arbitrary<{ qs: string; poison?: string }> {
  if (params.length === 0) return fc.constant({ qs: '' });
  const names = params.map((p) => p.name);
  const pair = fc.tuple(fc.constantFrom(...names, 'extra'), fc.constantFrom(...QUERY_ANY, ...QUERY_BAD));
  const noise = fc.array(pair, { maxLength: 3 });
  if (!poisoned) return noise.map((ps) => ({ qs: ps.map(([k, v]) => `${k}=${v}`).join('&') }));
  // a value no declared parameter takes: bad characters or far too long
  const poison = fc.tuple(fc.constantFrom(...names), fc.constantFrom('%00', '%EF%BF%BF', 'x'.repeat(300) + '%00'));
  return fc.tuple(noise, poison).map(([ps, [k, v]]) => ({
    qs: [...ps.map(([a, b]) => `${a}=${b}`), `${k}=${v}`].join('&'),
    poison: `query.${k}`,
  }));
}

/**
 * Requests for one operation. Reads may be anything; every write carries at least one poison
 * (a bad path parameter, query value, body field, raw body or media type), so it must be refused.
 */
export function requestsFor(
  op: Operation,
  known: KnownIds,
  tokens: Record<Auth, string | undefined>,
): fc.Arbitrary<FuzzRequest> {
  const write = op.method !== 'GET';
  const kinds: string[] = [];
  if (op.pathParams.length) kinds.push('path');
  if (op.queryParams.length && write) kinds.push('query');
  if (op.body) kinds.push('body', 'body', 'body');
  if (write) kinds.push('raw', 'media');
  if (!write) kinds.push('none');

  return fc
    .record({
      kind: fc.constantFrom(...kinds),
      auth: fc.constantFrom<Auth>('admin', 'organizer', 'none', 'garbage'),
      lang: fc.constantFrom('', 'en', 'zh-CN', 'en-US,en;q=0.9', 'fr', '*;q=0'),
      idem: fc.constantFrom(undefined, 'k1', '', 'x'.repeat(300)),
    })
    .chain(({ kind, auth, lang, idem }) => {
      const poisonPathIndex = kind === 'path' ? fc.nat({ max: op.pathParams.length - 1 }) : fc.constant(-1);
      return poisonPathIndex.chain((pi) =>
        fc
          .record({
            path: fc.tuple(...op.pathParams.map((p, i) => pathValue(p, known, i === pi)), fc.constant('')),
            query: queryString(op.queryParams, kind === 'query'),
            body: op.body
              ? kind === 'body'
                ? poisonedBody(op.body)
                : goodObject(op.body).map((b) => ({ body: b as unknown, poison: '' }))
              : fc.constant({ body: undefined as unknown, poison: '' }),
            raw: fc.constantFrom(...RAW_MALFORMED, ...(op.body ? RAW_WRONG_SHAPE : [])),
            media: fc.constantFrom(
              'text/plain',
              'application/x-www-form-urlencoded',
              'application/xml',
              'text/html; charset=utf-8',
            ),
          })
          .map(({ path, query, body, raw, media }) => {
            let url = op.path;
            op.pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, path[i]!)));
            if (query.qs) url += `?${query.qs}`;
            const headers: Record<string, string> = {};
            const token = tokens[auth];
            if (token) headers.authorization = `Bearer ${token}`;
            if (lang) headers['accept-language'] = lang;
            if (idem !== undefined && write) headers['idempotency-key'] = idem;
            let payload: string | undefined;
            let poison = kind;
            if (kind === 'raw') {
              headers['content-type'] = 'application/json';
              payload = raw;
              // "[{}]" and friends are poisons for a DTO; "[]" with an all-optional DTO is still refused
            } else if (kind === 'media') {
              headers['content-type'] = media;
              payload = body.body === undefined ? 'a=1' : JSON.stringify(body.body);
            } else if (body.body !== undefined && (write || kind === 'body')) {
              headers['content-type'] = 'application/json';
              payload = JSON.stringify(body.body);
              if (kind === 'body') poison = body.poison;
            }
            if (kind === 'path') poison = `path.${op.pathParams[pi]!.name}=${path[pi]}`;
            if (kind === 'query') poison = query.poison ?? 'query';
            return { method: op.method, url, headers, payload, poison };
          }),
      );
    });
}
