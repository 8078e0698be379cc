import type { OpenAPIObject } from '@nestjs/swagger';
import type { Response } from 'supertest';
import { OpenApiValidator } from './openapi-validator';

const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: ref } } } });

const doc = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/things/{id}': {
      get: {
        responses: {
          200: { description: '', ...json('#/components/schemas/Thing') },
          404: { description: '', ...json('#/components/schemas/ErrorResponse') },
        },
      },
    },
    '/api/things/{id}/qr.png': {
      get: { responses: { 200: { description: '', content: { 'image/png': { schema: { type: 'string' } } } } } },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'at'],
        properties: { id: { type: 'integer' }, at: { type: 'string', format: 'date-time' } },
      },
      ErrorResponse: {
        type: 'object',
        required: ['statusCode', 'message'],
        properties: { statusCode: { type: 'integer' }, message: { type: 'string' } },
      },
    },
  },
} as unknown as OpenAPIObject;

const res = (status: number, body: unknown, type = 'application/json; charset=utf-8') =>
  ({ status, body, headers: { 'content-type': type } }) as unknown as Response;

describe(OpenApiValidator.name, () => {
  const sut = new OpenApiValidator(doc);
  const at = '2026-01-01T00:00:00.000Z';

  it('accepts a declared answer and counts it', () => {
    const before = sut.checked;
    expect(sut.problem('GET', 'http://x/api/things/1?token=a', res(200, { id: 1, at }))).toBeUndefined();
    expect(sut.problem('GET', '/api/things/1/qr.png', res(200, Buffer.alloc(1), 'image/png'))).toBeUndefined();
    expect(sut.checked).toBe(before + 2);
  });

  it('names the route, the status and the field that does not match', () => {
    expect(sut.problem('GET', '/api/things/1', res(200, { id: '1', at }))).toMatch(
      /GET \/api\/things\/\{id\} → 200: .*\n.*body\/id must be integer/,
    );
    expect(sut.problem('GET', '/api/things/1', res(200, { id: 1, at: 'yesterday' }))).toContain(
      'body/at must match format',
    );
  });

  it('rejects fields the document does not declare, except on errors', () => {
    expect(sut.problem('GET', '/api/things/1', res(200, { id: 1, at, secret: 'x' }))).toContain(
      'must NOT have additional properties',
    );
    expect(sut.problem('GET', '/api/things/1', res(404, { statusCode: 404, message: 'm', extra: 1 }))).toBeUndefined();
  });

  it('rejects an undeclared status and a wrong media type', () => {
    expect(sut.problem('GET', '/api/things/1', res(500, { statusCode: 500, message: 'm' }))).toContain(
      'status 500 is not declared',
    );
    expect(sut.problem('GET', '/api/things/1/qr.png', res(200, '<svg/>', 'image/svg+xml'))).toContain(
      'content-type image/svg+xml is not image/png',
    );
  });

  it('checks errors of unknown API routes against the error shape', () => {
    expect(sut.problem('GET', '/api/nothing', res(404, { statusCode: 404, message: 'm' }))).toBeUndefined();
    expect(sut.problem('GET', '/api/nothing', res(404, { message: 'm' }))).toContain(
      "must have required property 'statusCode'",
    );
  });
});
