import { ApiProperty } from '@nestjs/swagger';
import { COMPARATORS, TARGET_PERIODS, TARGET_SOURCES, UnitRefResponse } from '@app/catalog';
import { PageOf } from '@app/core';

/** Response classes of the progress and report routes: the OpenAPI shapes of progress.views.ts. */

const STATUSES = ['met', 'on_track', 'behind', 'not_started'];

export class DateRangeResponse {
  @ApiProperty({ format: 'date' }) start!: string;
  @ApiProperty({ format: 'date' }) end!: string;
}

export class TargetProgressResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() code!: string;
  @ApiProperty({ type: 'integer', nullable: true }) activityId!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) seriesId!: number | null;
  @ApiProperty() metric!: string;
  @ApiProperty() label!: string;
  @ApiProperty() target!: number;
  @ApiProperty({ enum: COMPARATORS }) comparator!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: TARGET_SOURCES }) source!: string;
  @ApiProperty({ enum: TARGET_PERIODS }) period!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueOn!: string | null;
  @ApiProperty() actual!: number;
  @ApiProperty({ description: 'actual / target' }) ratio!: number;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ type: DateRangeResponse }) window!: DateRangeResponse;
  @ApiProperty({ type: [UnitRefResponse] }) responsibleUnits!: UnitRefResponse[];
}

export class ProgressCountsResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) targets!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) met!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) onTrack!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) behind!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) notStarted!: number;
  @ApiProperty({ description: 'mean of min(ratio, 1)' }) ratio!: number;
}

export class UnitProgressResponse extends ProgressCountsResponse {
  @ApiProperty({ type: UnitRefResponse }) unit!: UnitRefResponse;
}

export class SeriesProgressResponse extends ProgressCountsResponse {
  @ApiProperty({ type: 'integer', nullable: true }) seriesId!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) ordinal!: number | null;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
}

export class ProgressProgramResponse {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
}

export class ProgramProgressResponse {
  @ApiProperty({ type: ProgressProgramResponse }) program!: ProgressProgramResponse;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [TargetProgressResponse] }) targets!: TargetProgressResponse[];
  @ApiProperty({ type: [UnitProgressResponse] }) byUnit!: UnitProgressResponse[];
  @ApiProperty({ type: [SeriesProgressResponse] }) bySeries!: SeriesProgressResponse[];
}

export class ReportResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) targetId!: number;
  @ApiProperty({ type: UnitRefResponse }) unit!: UnitRefResponse;
  @ApiProperty({ example: '2022-H1' }) periodLabel!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true }) evidence!: string | null;
  @ApiProperty({ type: 'integer', description: 'user id of the reporter' }) reportedBy!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const ReportPageResponse = PageOf(ReportResponse);
