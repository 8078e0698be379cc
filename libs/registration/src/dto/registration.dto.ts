import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsObject, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PARTICIPANT_CATEGORIES, ParticipantCategory } from '@app/catalog';
import { PageQuery } from '@app/core';
import { REGISTRATION_STATUSES, RegistrationStatus } from '../entities';
import { normalizeEmail } from '../identifiers';
import { AnswersWithinLimits } from './answers-size';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateRegistrationDto {
  @ApiProperty({ enum: PARTICIPANT_CATEGORIES })
  @IsIn(PARTICIPANT_CATEGORIES)
  category!: ParticipantCategory;

  @ApiProperty({ description: 'person or enterprise name' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty()
  @Transform(({ value }) => (typeof value === 'string' ? normalizeEmail(value) : value))
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ description: 'mainland mobile number' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  phone?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiProperty({ description: 'category-specific; see DESIGN.md minimum profiles' })
  @IsObject()
  profile!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'free-form answers to the sign-up form: at most 50 keys and 16 KB as JSON' })
  @IsOptional()
  @IsObject()
  @AnswersWithinLimits()
  answers?: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      'version of the personal-data notice (个人信息保护) the registrant accepted; stored with the registration',
    example: '2026-11-v1',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  consentVersion?: string;
}

export class ReasonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class TokenQuery {
  @ApiPropertyOptional({ description: 'the manage token from the registration response or mail' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  token?: string;
}

export class RegistrationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES)
  status?: RegistrationStatus;

  @ApiPropertyOptional({ enum: PARTICIPANT_CATEGORIES })
  @IsOptional()
  @IsIn(PARTICIPANT_CATEGORIES)
  category?: ParticipantCategory;

  @ApiPropertyOptional({ description: 'search name, 单位名称, 统一社会信用代码 or phone (part of it)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  q?: string;
}
