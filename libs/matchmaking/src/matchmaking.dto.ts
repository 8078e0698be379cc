import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsDateTime } from '@app/core';
import { COOPERATION_MODES, MATCH_TAGS, MEETING_RESULTS, MeetingResult } from './vocabulary';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

/** PUT /api/sessions/:id/matchmaking */
export class MatchmakingSettingsDto {
  @ApiProperty() @IsBoolean() enabled!: boolean;
  @ApiProperty({ minimum: 5, maximum: 240 }) @IsInt() @Min(5) @Max(240) meetingMinutes!: number;
  @ApiProperty({ format: 'date-time', description: 'start of the first slot' }) @IsDateTime() firstSlotAt!: string;
  @ApiProperty({ minimum: 1, maximum: 96 }) @IsInt() @Min(1) @Max(96) slotCount!: number;
  @ApiProperty({ minimum: 1, maximum: 500 }) @IsInt() @Min(1) @Max(500) tableCount!: number;
  @ApiProperty({ format: 'date-time', description: 'requests and answers close then' })
  @IsDateTime()
  requestDeadline!: string;
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 1000,
    default: 10,
    description: 'open outgoing requests per participant',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxOpenRequests?: number;
}

/** PUT /api/registrations/:id/matchmaking/profile — needs (enterprise) or expertise (PhD, school). */
export class MatchProfileDto {
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() published?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'agree to meetings with top suggestions in free slots (given only when both sides agree)',
  })
  @IsOptional()
  @IsBoolean()
  acceptsSuggested?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 300) headline?: string;

  @ApiProperty({ enum: MATCH_TAGS, isArray: true, description: 'industry and field tags from the shared vocabulary' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsIn(MATCH_TAGS, { each: true, message: `each value must be one of: ${MATCH_TAGS.join(', ')}` })
  tags!: string[];

  @ApiPropertyOptional({ type: [String], description: 'free keywords' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Transform(trimEach)
  @IsString({ each: true })
  @Length(1, 30, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({ description: '技术需求 (enterprise)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  technicalNeeds?: string;

  @ApiPropertyOptional({ description: '岗位需求 (enterprise)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  positionNeeds?: string;

  @ApiPropertyOptional({ enum: COOPERATION_MODES, isArray: true, description: '合作方式 (enterprise)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(COOPERATION_MODES.length)
  @IsIn(COOPERATION_MODES, { each: true })
  cooperationModes?: string[];

  @ApiPropertyOptional({ description: '专业特长 (PhD, school)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  expertise?: string;

  @ApiPropertyOptional({ type: [String], description: '科研项目 (PhD, school)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Transform(trimEach)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  researchProjects?: string[];
}

export class MatchTokenQuery {
  @ApiPropertyOptional({ description: 'the manage token of the registration' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  token?: string;
}

export class BrowseQuery extends MatchTokenQuery {
  @ApiPropertyOptional({ description: 'search in names, headlines, needs, expertise and keywords' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  q?: string;

  @ApiPropertyOptional({ enum: MATCH_TAGS }) @IsOptional() @IsIn(MATCH_TAGS) tag?: string;
}

export class MeetingRequestDto {
  @ApiProperty({ description: 'the registration to meet (the other side, same session)' })
  @IsInt()
  @Min(1)
  toRegistrationId!: number;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 1000) message?: string;
}

export class MeetingResultDto {
  @ApiProperty({
    enum: MEETING_RESULTS,
    description: 'no_deal 未达成, continue 继续洽谈, intent 达成意向, no_show 对方未到',
  })
  @IsIn(MEETING_RESULTS)
  result!: MeetingResult;
}

export class ScheduleRunDto {
  @ApiPropertyOptional({
    default: false,
    description: 'then fill free slots with top suggestions between participants who both agreed to suggested meetings',
  })
  @IsOptional()
  @IsBoolean()
  fillWithSuggestions?: boolean;
}

export class MovePlacementDto {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) tableNo!: number;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) slotNo!: number;
}
