import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponse } from '@app/core';
import { Role } from '../entities/user.entity';

export const ROLES_KEY = 'identity:roles';

/**
 * Requires a valid bearer token and one of `roles`; an admin always passes. With no
 * roles, any signed-in user passes. Routes without it are public.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      type: ErrorResponse,
      description: 'Missing, invalid or expired token, or a disabled account',
    }),
    ApiForbiddenResponse({ type: ErrorResponse, description: 'The role does not allow it' }),
  );
