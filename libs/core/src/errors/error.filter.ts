import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { AppError } from './app-error';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../database/errors';
import { asServiceUnavailable } from '../database/unavailable';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; reason: string }[];
  [extra: string]: unknown;
}

interface RequestLike {
  headers?: Record<string, string | string[] | undefined>;
}

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
}

/** Renders every error in the contract's one shape; unknown errors are logged and become a bare 500. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  private lastOutageLog = 0;

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<ReplyLike>();
    // a database or Redis that is down is not a bug: 503 with Retry-After, never 500
    const outage = asServiceUnavailable(
      exception,
      String(host.switchToHttp().getRequest<RequestLike>().headers?.['accept-language'] ?? ''),
    );
    if (outage) {
      this.logOutage(exception);
      reply.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      exception = outage;
    }
    const body = this.toBody(exception);
    if (exception instanceof HttpException) {
      const retryAfter = (exception.getResponse() as { retryAfter?: number })?.retryAfter;
      if (retryAfter !== undefined) reply.header('Retry-After', String(retryAfter));
    }
    reply.status(body.statusCode).send(body);
  }

  /** One line per outage burst (at most every 10 s), not one per failed request. */
  private logOutage(exception: unknown): void {
    if (Date.now() - this.lastOutageLog < 10_000) return;
    this.lastOutageLog = Date.now();
    this.logger.warn(`dependency unavailable, answering 503: ${(exception as Error)?.message ?? String(exception)}`);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppError) {
      return {
        statusCode: exception.statusCode,
        error: STATUS_CODES[exception.statusCode] ?? 'Error',
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
        ...(exception.extra ?? {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray((response as { message?: unknown }).message)
            ? ((response as { message: string[] }).message.join('; ') ?? exception.message)
            : String((response as { message?: unknown }).message ?? exception.message);
      return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
    }
    if (isFastifyClientError(exception)) {
      const statusCode = exception.statusCode;
      return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: exception.message };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Internal server error',
    };
  }
}

/** Fastify's own 4xx (malformed JSON, body too large, wrong content type) keep their status. */
function isFastifyClientError(e: unknown): e is { statusCode: number; message: string } {
  const code = (e as { statusCode?: unknown })?.statusCode;
  return typeof code === 'number' && code >= 400 && code < 500;
}
