import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * A 429 in the contract's error shape. `ErrorFilter` turns `retryAfter` into the
 * `Retry-After` header (seconds).
 */
export const tooManyRequests = (message: string, retryAfterSeconds: number): HttpException =>
  new HttpException({ message, retryAfter: Math.max(1, Math.ceil(retryAfterSeconds)) }, HttpStatus.TOO_MANY_REQUESTS);
