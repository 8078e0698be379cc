import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActivityResponse, PARTICIPANT_CATEGORIES } from '@app/catalog';
import { PageOf } from '@app/core';
import { LOCALES } from './dto/registration.dto';
import { REGISTRATION_STATUSES, SESSION_LEVELS, SESSION_MODES, SESSION_STATUSES } from './entities';

/** Response classes of the session and registration routes: the OpenAPI shapes of *.views.ts. */

const CHANNELS = ['online', 'walk_in'];
const FREE_FORM = { type: 'object', additionalProperties: true } as const;

export class QuotaResponse {
  @ApiProperty({ enum: PARTICIPANT_CATEGORIES }) category!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) capacity!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) confirmed!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) pending!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) waitlisted!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'capacity − confirmed − pending, never below 0' })
  available!: number;
}

export class SessionResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) activityId!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: SESSION_LEVELS }) level!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ type: String, nullable: true }) venue!: string | null;
  @ApiProperty({ type: String, nullable: true }) city!: string | null;
  @ApiProperty({ enum: SESSION_MODES }) mode!: string;
  @ApiProperty({ type: String, nullable: true }) onlineUrl!: string | null;
  @ApiProperty({ format: 'date-time' }) registrationOpensAt!: string;
  @ApiProperty({ format: 'date-time' }) registrationClosesAt!: string;
  @ApiProperty() requiresApproval!: boolean;
  @ApiProperty() waitlistEnabled!: boolean;
  @ApiProperty({ enum: SESSION_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer', description: 'bumped by every change' }) version!: number;
  @ApiProperty({ type: [QuotaResponse] }) quotas!: QuotaResponse[];
}

export class RegistrationCreatedResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status!: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'place on the waitlist (1 = next)' })
  waitlistPosition?: number;
  @ApiProperty({ description: 'lets its holder read and cancel the registration (keep it secret)' })
  manageToken!: string;
}

export class RegistrationResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) sessionId!: number;
  @ApiProperty({ type: 'integer' }) activityId!: number;
  @ApiProperty({ enum: PARTICIPANT_CATEGORIES }) category!: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status!: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'only while waitlisted' }) waitlistPosition?: number;
  @ApiPropertyOptional({ description: 'only once confirmed' }) checkInCode?: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) idNumber!: string | null;
  @ApiProperty({ enum: LOCALES }) locale!: string;
  @ApiProperty({ ...FREE_FORM, description: 'category-specific profile' }) profile!: Record<string, unknown>;
  @ApiProperty({ ...FREE_FORM, nullable: true }) answers!: Record<string, unknown> | null;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'version of the personal-data notice (个人信息保护) accepted; null when not asked',
  })
  consentVersion?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) consentedAt?: string | null;
  @ApiProperty({ type: String, nullable: true }) statusReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** A row of the organizer's list; phone and ID number masked unless the caller may see them. */
export class RegistrationListItemResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) participantId!: number;
  @ApiProperty({ enum: PARTICIPANT_CATEGORIES }) category!: string;
  @ApiProperty({ type: String, nullable: true }) level!: string | null;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status!: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1 }) waitlistPosition?: number;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '单位名称: the unit, or the person’s institution or employer',
  })
  unitName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '统一社会信用代码 (enterprises)' }) uscc!: string | null;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) idNumber!: string | null;
  @ApiProperty(FREE_FORM) profile!: Record<string, unknown>;
  @ApiProperty({ ...FREE_FORM, nullable: true }) answers!: Record<string, unknown> | null;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const RegistrationPageResponse = PageOf(RegistrationListItemResponse);

/** A roster row: a list row with the check-in time (null: not checked in). */
export class RosterItemResponse extends RegistrationListItemResponse {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt!: string | null;
}

export const RosterPageResponse = PageOf(RosterItemResponse);

export class MyActivityResponse extends ActivityResponse {
  @ApiProperty({ type: [SessionResponse] }) sessions!: SessionResponse[];
}

export class MySeriesResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() label!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [MyActivityResponse] }) activities!: MyActivityResponse[];
}

export class MyProgramResponse {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [MySeriesResponse] }) series!: MySeriesResponse[];
}

export class MyActivitiesResponse {
  @ApiProperty({ type: [MyProgramResponse] }) programs!: MyProgramResponse[];
}
