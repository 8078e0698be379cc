import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDateTime } from '@app/core';
import { PARTICIPANT_CATEGORIES, ParticipantCategory } from '@app/catalog';
import { SESSION_LEVELS, SESSION_MODES, SESSION_STATUSES, SessionLevel, SessionMode, SessionStatus } from '../entities';

export class QuotaDto {
  @ApiProperty({ enum: PARTICIPANT_CATEGORIES })
  @IsIn(PARTICIPANT_CATEGORIES)
  category!: ParticipantCategory;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100000 })
  @IsInt()
  @Min(0)
  @Max(100000)
  capacity!: number;
}

export class CreateSessionDto {
  @ApiProperty() @IsString() @Length(1, 300) title!: string;
  @ApiProperty({ enum: SESSION_LEVELS }) @IsIn(SESSION_LEVELS) level!: SessionLevel;
  @ApiProperty({ format: 'date-time' }) @IsDateTime() startsAt!: string;
  @ApiProperty({ format: 'date-time' }) @IsDateTime() endsAt!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) venue?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) city?: string;
  @ApiProperty({ enum: SESSION_MODES }) @IsIn(SESSION_MODES) mode!: SessionMode;
  @ApiPropertyOptional() @IsOptional() @IsUrl({ require_protocol: true }) onlineUrl?: string;
  @ApiProperty({ format: 'date-time' }) @IsDateTime() registrationOpensAt!: string;
  @ApiProperty({ format: 'date-time' }) @IsDateTime() registrationClosesAt!: string;
  @ApiProperty() @IsBoolean() requiresApproval!: boolean;
  @ApiProperty() @IsBoolean() waitlistEnabled!: boolean;

  @ApiProperty({ type: [QuotaDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PARTICIPANT_CATEGORIES.length)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => QuotaDto)
  quotas!: QuotaDto[];
}

export class UpdateSessionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) title?: string;
  @ApiPropertyOptional({ enum: SESSION_LEVELS }) @IsOptional() @IsIn(SESSION_LEVELS) level?: SessionLevel;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateTime() startsAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateTime() endsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) venue?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) city?: string;
  @ApiPropertyOptional({ enum: SESSION_MODES }) @IsOptional() @IsIn(SESSION_MODES) mode?: SessionMode;
  @ApiPropertyOptional() @IsOptional() @IsUrl({ require_protocol: true }) onlineUrl?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateTime() registrationOpensAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateTime() registrationClosesAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() requiresApproval?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() waitlistEnabled?: boolean;

  @ApiPropertyOptional({ enum: SESSION_STATUSES, description: 'postpone, cancel, complete or re-schedule' })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @ApiPropertyOptional({ description: 'told to registrants with the change' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;

  @ApiPropertyOptional({ type: [QuotaDto], description: 'listed categories are set; others stay' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PARTICIPANT_CATEGORIES.length)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => QuotaDto)
  quotas?: QuotaDto[];
}
