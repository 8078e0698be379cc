import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@app/core';
import { ROLES } from './entities/user.entity';

/** Response classes of the identity routes. */

export class TokenResponse {
  @ApiProperty({ description: 'JWT to send as `Authorization: Bearer <token>`' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ type: 'integer', description: 'seconds until it expires' }) expiresIn!: number;
}

/** The signed-in user with role and scope. */
export class MeResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: 'array', items: { type: 'integer' } }) unitIds!: number[];
  @ApiProperty({ type: 'array', items: { type: 'integer' } }) sessionIds!: number[];
}

/** A staff account as the API shows it: never the password hash. */
export class UserResponse extends MeResponse {
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export const UserPageResponse = PageOf(UserResponse);

export class AuditActorResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() email!: string;
}

export class AuditEntryResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: AuditActorResponse }) actor!: AuditActorResponse;
  @ApiProperty({ example: 'registration.approve' }) action!: string;
  @ApiProperty({ example: 'registration' }) entity!: string;
  @ApiProperty({
    anyOf: [{ type: 'integer', nullable: true }, { type: 'string' }],
    description: 'a number for numeric ids, else the stored text (codes)',
  })
  entityId!: number | string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
}

export const AuditEntryPageResponse = PageOf(AuditEntryResponse);
