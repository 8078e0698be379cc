import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ErrorResponse } from '@app/core';

export const PUBLIC_WRITE_KEY = 'identity:public-write';

/**
 * Counts the route against the per-client-IP budget for public writes
 * (`THROTTLE_PUBLIC_PER_MINUTE`); over it the answer is 429 with `Retry-After`.
 */
export const PublicWrite = () =>
  applyDecorators(
    SetMetadata(PUBLIC_WRITE_KEY, true),
    ApiTooManyRequestsResponse({
      type: ErrorResponse,
      description: 'Too many requests from this address; see Retry-After',
    }),
  );
