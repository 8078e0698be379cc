import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';

/** One field the request got wrong, e.g. `{ field: 'profile.uscc', reason: '…' }`. */
export class FieldProblemResponse {
  @ApiProperty({ example: 'profile.uscc', description: 'dotted path of the field in the request' })
  field!: string;

  @ApiProperty({ description: 'what is wrong with it, in the request language' })
  reason!: string;

  @ApiPropertyOptional({ example: 'invalid_uscc', description: 'stable machine-readable code of this problem' })
  code?: string;
}

/**
 * The one shape of every error the API answers (DESIGN.md's HTTP contract). Some errors add
 * facts for the client beside these fields, e.g. the existing registration on a 409.
 */
export class ErrorResponse {
  @ApiProperty({ type: 'integer', example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'validation_failed', description: 'stable machine-readable error code' })
  code!: string;

  @ApiProperty({ example: 'Bad Request', description: 'the HTTP reason phrase' })
  error!: string;

  @ApiProperty({ description: 'human-readable message, in the request language' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldProblemResponse], description: 'the fields at fault, for 400 and 422' })
  details?: FieldProblemResponse[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `details` names the fields',
  401: 'Missing, invalid or expired token, or a disabled account',
  403: 'Not allowed for this caller',
  404: 'Not found',
  409: 'Conflicts with the current state',
  422: 'Well-formed but not acceptable',
  429: 'Too many requests; see Retry-After',
};

/** Declares error answers of a route with the error shape, e.g. `@ApiErrors(400, 404)`. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, type: ErrorResponse, description: DESCRIPTIONS[status] ?? STATUS_CODES[status] }),
    ),
  );
