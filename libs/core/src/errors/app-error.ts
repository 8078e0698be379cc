import { HttpStatus } from '@nestjs/common';
import { defaultCode, ErrorCode } from './error-codes';
import { FieldProblem } from './field-problem';

export type { FieldProblem } from './field-problem';

/** Values an error message is interpolated with; Date values are shown in Beijing time. */
export type MessageParams = Record<string, string | number | boolean | Date | null | undefined>;

/**
 * The one error type domain code throws. The global filter renders it as
 * `{ statusCode, code, error, message, details? }` in the caller's language; services never
 * build HTTP responses. `message` is the English text, kept for logs and as a fallback.
 */
export class AppError extends Error {
  private specificCode?: ErrorCode;
  private messageParams: MessageParams = {};

  constructor(
    readonly statusCode: number,
    message: string,
    readonly details?: FieldProblem[],
    /** extra facts for the client, e.g. the existing registration on a 409 */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** The machine code: the one set with {@link as}, else the first problem's, else the status's default. */
  get code(): ErrorCode {
    return this.specificCode ?? this.details?.find((d) => d.code)?.code ?? defaultCode(this.statusCode);
  }

  get params(): MessageParams {
    return this.messageParams;
  }

  /** Names the specific code (and the values its message needs): `throw conflict(…).as('user_exists')`. */
  as(code: ErrorCode, params: MessageParams = {}): this {
    this.specificCode = code;
    this.messageParams = { ...this.messageParams, ...params };
    return this;
  }
}

export const notFound = (entity: string, id: string | number): AppError =>
  new AppError(HttpStatus.NOT_FOUND, `${entity} ${id} not found`).as('not_found', { entity, id });

export const invalid = (details: FieldProblem[], message = 'Validation failed'): AppError =>
  new AppError(HttpStatus.BAD_REQUEST, message, details);

export const invalidField = (field: string, reason: string): AppError =>
  invalid([{ field, reason }], `${field}: ${reason}`);

export const conflict = (message: string, extra?: Record<string, unknown>): AppError =>
  new AppError(HttpStatus.CONFLICT, message, undefined, extra);

export const unprocessable = (message: string, details?: FieldProblem[]): AppError =>
  new AppError(HttpStatus.UNPROCESSABLE_ENTITY, message, details);

export const forbidden = (message = 'Not allowed for your role or units'): AppError =>
  new AppError(HttpStatus.FORBIDDEN, message);

export const unauthorized = (message = 'Authentication required'): AppError =>
  new AppError(HttpStatus.UNAUTHORIZED, message);

export const unsupportedMediaType = (contentType: string): AppError =>
  new AppError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, `Unsupported content type ${contentType}`).as(
    'unsupported_media_type',
    { contentType },
  );
