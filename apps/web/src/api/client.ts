import createClient from 'openapi-fetch';
import i18n from '../i18n';
import type { paths } from './schema';
import type { ApiErrorBody } from './types';

/** The one HTTP client of the app, typed by the generated OpenAPI paths. */
export const api = createClient<paths>({ baseUrl: '' });

api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language === 'en' ? 'en' : 'zh-CN');
    return request;
  },
});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

/** openapi-fetch's result → the data, or an ApiError carrying the API's error body. */
export function unwrap<T>(result: { data?: unknown; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const body = (result.error ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(result.response.status, {
      statusCode: result.response.status,
      code: body.code ?? 'http_error',
      message: body.message ?? result.response.statusText,
      details: body.details,
    });
  }
  return result.data as T;
}
