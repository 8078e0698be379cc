import { api, ApiError, unwrap } from '../../api/client';
import i18n from '../../i18n';
import { authFetch } from './session';

type Query = Record<string, string | number | boolean | undefined | null>;
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

const clean = (q?: Query) =>
  q ? Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && v !== '')) : undefined;

/**
 * A console call through the app's openapi-fetch client (so the token middleware applies),
 * for paths given with their ids filled in.
 */
export async function call<T>(method: Method, path: string, opts: { query?: Query; body?: unknown } = {}): Promise<T> {
  const request = api.request as unknown as (
    m: string,
    p: string,
    init: { params?: { query?: Query }; body?: unknown },
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  const result = await request(method, path, { params: { query: clean(opts.query) }, body: opts.body });
  return unwrap<T>(result);
}

export const get = <T>(path: string, query?: Query) => call<T>('get', path, { query });
export const post = <T>(path: string, body: unknown = {}) => call<T>('post', path, { body });
export const patch = <T>(path: string, body: unknown) => call<T>('patch', path, { body });
export const del = <T>(path: string) => call<T>('delete', path);

/** Downloads a file the API produces (XLSX, CSV) under `filename`. */
export async function download(path: string, filename: string): Promise<void> {
  const res = await authFetch(path, { headers: { 'Accept-Language': i18n.language === 'en' ? 'en' : 'zh-CN' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string; code?: string };
    throw new ApiError(res.status, {
      statusCode: res.status,
      code: body.code ?? 'http_error',
      message: body.message ?? res.statusText,
    });
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Uploads a file as multipart field `file`. */
export async function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const res = await authFetch(path, { method: 'POST', body: form });
  const body = (await res.json().catch(() => ({}))) as T & { message?: string; code?: string };
  if (!res.ok) {
    throw new ApiError(res.status, {
      statusCode: res.status,
      code: body.code ?? 'http_error',
      message: body.message ?? res.statusText,
    });
  }
  return body;
}

export const errorMessage = (e: unknown): string =>
  e instanceof ApiError ? e.body.message : e instanceof Error ? e.message : String(e);
