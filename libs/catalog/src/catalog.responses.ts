import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { COMPARATORS, MODES, TARGET_PERIODS, TARGET_SOURCES, UNIT_KINDS } from './plan-file/plan-file.types';

/** Response classes of the catalog routes: the OpenAPI shapes of catalog.views.ts. */

export class UnitRefResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class UnitResponse extends UnitRefResponse {
  @ApiProperty({ type: String, nullable: true }) fullName!: string | null;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: string;
  @ApiProperty({ type: [String] }) aliases!: string[];
}

export class DateWindowResponse {
  @ApiProperty({ format: 'date' }) start!: string;
  @ApiProperty({ format: 'date' }) end!: string;
  @ApiProperty({ description: 'the window as the plan words it' }) text!: string;
}

export class TargetScopeResponse {
  @ApiPropertyOptional({ type: [String] }) sessionLevels?: string[];
  @ApiPropertyOptional() category?: string;
  @ApiPropertyOptional({ type: [String] }) participantLevels?: string[];
  @ApiPropertyOptional() outcomeType?: string;
  @ApiPropertyOptional() agreementType?: string;
  @ApiPropertyOptional({ type: [String] }) statuses?: string[];
}

export class TargetResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() code!: string;
  @ApiProperty({ type: 'integer' }) programId!: number;
  @ApiProperty({ type: 'integer', nullable: true }) seriesId!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) activityId!: number | null;
  @ApiProperty() metric!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'the planned number' }) target!: number;
  @ApiProperty({ enum: COMPARATORS }) comparator!: string;
  @ApiProperty({ type: String, nullable: true }) qualifier!: string | null;
  @ApiProperty({ description: 'counting unit, e.g. 场次, 名, 家' }) unit!: string;
  @ApiProperty({ enum: TARGET_PERIODS }) period!: string;
  @ApiProperty({ enum: ['flow', 'stock'], description: 'flow: reports of periods add up; stock: the latest stands' })
  measure!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueOn!: string | null;
  @ApiProperty({ enum: TARGET_SOURCES }) source!: string;
  @ApiProperty({ type: TargetScopeResponse }) scope!: TargetScopeResponse;
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: [UnitRefResponse] }) responsibleUnits!: UnitRefResponse[];
}

export class ActivityPartResponse {
  @ApiProperty() title!: string;
  @ApiProperty({ type: [UnitRefResponse] }) leadUnits!: UnitRefResponse[];
}

export class ActivityResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() code!: string;
  @ApiProperty({ type: 'integer' }) programId!: number;
  @ApiProperty({ type: 'integer' }) seriesId!: number;
  @ApiProperty({ type: 'integer' }) ordinal!: number;
  @ApiProperty() label!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) shortTitle!: string | null;
  @ApiProperty() kind!: string;
  @ApiProperty({ type: DateWindowResponse }) window!: DateWindowResponse;
  @ApiProperty({ type: String, nullable: true }) city!: string | null;
  @ApiProperty({ enum: MODES }) mode!: string;
  @ApiProperty() adjustable!: boolean;
  @ApiProperty() content!: string;
  @ApiProperty() hostRole!: string;
  @ApiProperty() hostUnitsOpenEnded!: boolean;
  @ApiProperty({ type: String, nullable: true }) leadNote!: string | null;
  @ApiProperty({ type: [UnitRefResponse] }) leadUnits!: UnitRefResponse[];
  @ApiProperty({ type: [UnitRefResponse] }) hostUnits!: UnitRefResponse[];
  @ApiProperty({ type: [ActivityPartResponse], nullable: true }) parts!: ActivityPartResponse[] | null;
  @ApiProperty({ type: [String] }) deliverables!: string[];
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: [TargetResponse] }) targets!: TargetResponse[];
}

/** The sessions are the registration module's; the catalog names their schema only. */
export class ActivityDetailResponse extends ActivityResponse {
  @ApiProperty({ type: 'array', items: { $ref: getSchemaPath('SessionResponse') } })
  sessions!: unknown[];
}

export class ProgramSummaryResponse {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) documentNumber!: string | null;
  @ApiProperty({ format: 'date' }) issuedOn!: string;
  @ApiProperty({ type: DateWindowResponse }) period!: DateWindowResponse;
  @ApiProperty({ type: 'integer' }) seriesCount!: number;
  @ApiProperty({ type: 'integer' }) activityCount!: number;
  @ApiProperty({ type: 'integer' }) targetCount!: number;
}

export class SeriesResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) ordinal!: number;
  @ApiProperty() label!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [ActivityResponse] }) activities!: ActivityResponse[];
}

export class SafeguardResponse {
  @ApiProperty() label!: string;
  @ApiProperty() title!: string;
  @ApiProperty() text!: string;
}

export class ProgramResponse extends ProgramSummaryResponse {
  @ApiProperty({ type: String, nullable: true }) noticeTitle!: string | null;
  @ApiProperty({ type: [UnitRefResponse] }) issuingUnits!: UnitRefResponse[];
  @ApiProperty({ type: String, nullable: true }) noticeText!: string | null;
  @ApiProperty({ type: String, nullable: true }) preamble!: string | null;
  @ApiProperty({ type: String, nullable: true }) summary!: string | null;
  @ApiProperty({ type: [SafeguardResponse] }) safeguards!: SafeguardResponse[];
  @ApiProperty({ type: [TargetResponse], description: 'program-level targets (no activity)' })
  targets!: TargetResponse[];
  @ApiProperty({ type: [SeriesResponse] }) series!: SeriesResponse[];
}
