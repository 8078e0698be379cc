import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { i18n, Language, pickLanguage, translateReason } from '../i18n/i18n';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../database/errors';
import { asServiceUnavailable } from '../database/unavailable';
import { AppError, FieldProblem } from './app-error';
import { defaultCode, ErrorCode } from './error-codes';

interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  error: string;
  message: string;
  details?: { field: string; reason: string; code?: ErrorCode }[];
  [extra: string]: unknown;
}

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
}

interface RequestLike {
  headers?: Record<string, string | string[] | undefined>;
  method?: string;
  url?: string;
}

/** Params translated before they go into a message: entity names, categories, statuses. */
const TRANSLATED_PARAMS: Record<string, string> = {
  entity: 'entities',
  category: 'enums',
  status: 'enums',
  from: 'enums',
  to: 'enums',
};

/**
 * Renders every error in the contract's one shape, `{statusCode, code, error, message, details?}`,
 * in the caller's language (zh-CN unless Accept-Language asks for English); unknown errors are
 * logged and become a bare 500.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  private lastOutageLog = 0;

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<ReplyLike>();
    const request = http.getRequest<RequestLike>();
    const lng = pickLanguage(request?.headers?.['accept-language']);
    // a database or Redis that is down is not a bug: 503 with Retry-After, never 500
    const outage = asServiceUnavailable(exception, lng);
    if (outage) {
      this.logOutage(exception);
      reply.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      exception = outage;
    }
    const body = this.toBody(exception, lng, request);
    if (exception instanceof HttpException) {
      const retryAfter = (exception.getResponse() as { retryAfter?: number })?.retryAfter;
      if (retryAfter !== undefined) reply.header('Retry-After', String(retryAfter));
    }
    reply.header('Cache-Control', 'no-store');
    reply.status(body.statusCode).send(body);
  }

  /** One line per outage burst (at most every 10 s), not one per failed request. */
  private logOutage(exception: unknown): void {
    if (Date.now() - this.lastOutageLog < 10_000) return;
    this.lastOutageLog = Date.now();
    this.logger.warn(`dependency unavailable, answering 503: ${(exception as Error)?.message ?? String(exception)}`);
  }

  toBody(exception: unknown, lng: Language = 'zh-CN', request?: RequestLike): ErrorBody {
    const error = toAppError(exception, request);
    if (!error) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
      return render(new AppError(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error'), lng);
    }
    return render(error, lng);
  }
}

/** Nest's and Fastify's own errors in AppError terms; undefined for what is a bug. */
function toAppError(exception: unknown, request?: RequestLike): AppError | undefined {
  if (exception instanceof AppError) return exception;
  if (exception instanceof HttpException) {
    // Fastify's own errors (parsers, media types) arrive wrapped by the adapter
    const cause: unknown = exception.cause;
    if (cause instanceof AppError) return cause;
    if (isFastifyClientError(cause)) return fastifyError(cause, request);
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? (response as { message: string[] }).message.join('; ')
          : String((response as { message?: unknown }).message ?? exception.message);
    const error = new AppError(statusCode, message);
    if (statusCode === 404 && /^Cannot [A-Z]+ /.test(message)) {
      return error.as('route_not_found', { method: request?.method ?? '', path: (request?.url ?? '').split('?')[0] });
    }
    return error;
  }
  if (isFastifyClientError(exception)) return fastifyError(exception, request);
  return undefined;
}

function fastifyError(e: { statusCode: number; message: string; code?: string; name?: string }, request?: RequestLike) {
  if (e.statusCode === 415) {
    const header = request?.headers?.['content-type'];
    const contentType = (Array.isArray(header) ? header[0] : header) ?? '';
    return new AppError(415, e.message).as('unsupported_media_type', { contentType: contentType.slice(0, 100) });
  }
  if (e.statusCode === 413) return new AppError(413, e.message).as('body_too_large');
  if (e.statusCode === 400 && (e.name === 'SyntaxError' || /^FST_ERR_CTP_(EMPTY|INVALID)_JSON/.test(e.code ?? ''))) {
    return new AppError(400, 'The request body is not valid JSON', [
      { field: 'body', reason: `is not valid JSON: ${e.message}`, key: 'notJson', params: { detail: e.message } },
    ]).as('malformed_json');
  }
  return new AppError(e.statusCode, e.message);
}

function render(error: AppError, lng: Language): ErrorBody {
  const t = i18n().getFixedT(lng);
  const details = error.details?.map((d) => renderProblem(d, lng));
  const code = error.code;
  const params: Record<string, unknown> = { ...error.params };
  for (const [name, ns] of Object.entries(TRANSLATED_PARAMS)) {
    const value = params[name];
    if (typeof value === 'string' && lng !== 'en') params[name] = t(`${ns}.${value}`, { defaultValue: value });
  }
  if (typeof params.reason === 'string') params.reason = translateReason(lng, params.reason);
  const first = details?.[0];
  if (first) {
    params.field ??= first.field;
    params.reason ??= first.reason;
  }
  return {
    statusCode: error.statusCode,
    code,
    error: STATUS_CODES[error.statusCode] ?? 'Error',
    message: message(error, code, params, lng, !!first),
    ...(details ? { details } : {}),
    ...(error.extra ?? {}),
  };
}

function message(error: AppError, code: ErrorCode, params: Record<string, unknown>, lng: Language, hasDetail: boolean) {
  const t = i18n().getFixedT(lng);
  // a 400 or an import error without a problem to name says so plainly
  if ((code === 'validation_failed' || code === 'invalid_file') && !hasDetail) {
    return lng === 'en' ? error.message : t('errors.validation_failed_plain');
  }
  // an English caller gets the throw site's own sentence when no code with its own message was named
  const generic = code === defaultCode(error.statusCode) && code !== 'validation_failed' && code !== 'not_found';
  if (lng === 'en' && generic) return error.message;
  // a throw site that already wrote Chinese (e.g. the outage 503s) keeps its own words
  if (lng === 'zh-CN' && generic && /[\u4e00-\u9fff]/.test(error.message)) return error.message;
  return String(t(`errors.${code}`, params as never));
}

function renderProblem(p: FieldProblem, lng: Language): { field: string; reason: string; code?: ErrorCode } {
  return {
    field: p.field,
    reason: translateReason(lng, p.reason, p.key, p.params),
    ...(p.code ? { code: p.code } : {}),
  };
}

/** Fastify's own 4xx (malformed JSON, body too large, wrong content type) keep their status. */
function isFastifyClientError(e: unknown): e is { statusCode: number; message: string; code?: string; name?: string } {
  const code = (e as { statusCode?: unknown })?.statusCode;
  return typeof code === 'number' && code >= 400 && code < 500;
}
