import { HttpStatus } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  reason: string;
}

/**
 * The one error type domain code throws. The global filter renders it as
 * `{ statusCode, error, message, details? }`; services never build HTTP responses.
 */
export class AppError extends Error {
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
}

export const notFound = (entity: string, id: string | number): AppError =>
  new AppError(HttpStatus.NOT_FOUND, `${entity} ${id} not found`);

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
