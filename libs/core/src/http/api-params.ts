import { ApiHeader, ApiOkResponse, ApiParam, ApiResponse } from '@nestjs/swagger';

/**
 * OpenAPI declarations of the request parts many routes share. Header names are lower case
 * as Fastify reads them, so the declaration merges with the handler's `@Headers('…')` into
 * one optional parameter instead of a second, required one.
 */

/** A path id checked by ParseIdPipe: a positive integer. */
export const ApiIdParam = (name = 'id') => ApiParam({ name, schema: { type: 'integer', minimum: 1 } });

export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: 'idempotency-key',
    required: false,
    description: 'Idempotency-Key: a repeat with the same key and body replays the first answer',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  });

export const ApiAcceptLanguage = () =>
  ApiHeader({
    name: 'accept-language',
    required: false,
    description: 'Accept-Language: messages and mails in zh-CN (default) or en',
    schema: { type: 'string', example: 'zh-CN' },
  });

/**
 * A 200 whose body is a file or image of `mediaType`. Errors stay JSON in the error shape,
 * which `@ApiProduces` would mislabel, so the media type is set on this response only.
 */
export const ApiFileResponse = (mediaType: string, description: string, binary = true) =>
  ApiOkResponse({
    description,
    content: { [mediaType]: { schema: binary ? { type: 'string', format: 'binary' } : { type: 'string' } } },
  });

/** A public read: it carries an ETag and answers 304 (no body) to a matching If-None-Match. */
export const ApiNotModified = () =>
  ApiResponse({ status: 304, description: 'Not modified: If-None-Match matched the current ETag' });
