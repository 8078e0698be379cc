import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPARATORS, TARGET_PERIODS, TARGET_SOURCES, UnitRefResponse } from '@app/catalog';
import { PageOf } from '@app/core';

/** Response classes of the progress and report routes: the OpenAPI shapes of progress.views.ts. */

const STATUSES = ['met', 'on_track', 'behind', 'not_started'];

export class DateRangeResponse {
  @ApiProperty({ format: 'date' }) start!: string;
  @ApiProperty({ format: 'date' }) end!: string;
}

export class PeriodProgressResponse {
  @ApiProperty({ example: '2022-H1' }) label!: string;
  @ApiProperty({ format: 'date', description: 'the period clipped to the program' }) start!: string;
  @ApiProperty({ format: 'date' }) end!: string;
  @ApiProperty() actual!: number;
  @ApiProperty() ratio!: number;
  @ApiProperty({ enum: STATUSES }) status!: string;
}

export class TargetPlanRefResponse {
  @ApiProperty({ type: 'integer' }) ordinal!: number;
  @ApiProperty() label!: string;
  @ApiProperty() title!: string;
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
  @ApiProperty({ enum: ['flow', 'stock'] }) measure!: string;
  @ApiProperty({ enum: TARGET_PERIODS }) period!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueOn!: string | null;
  @ApiProperty() actual!: number;
  @ApiProperty({ description: 'actual / target' }) ratio!: number;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ type: DateRangeResponse }) window!: DateRangeResponse;
  @ApiProperty({ type: [UnitRefResponse], description: 'lead first' }) responsibleUnits!: UnitRefResponse[];
  @ApiProperty({ type: TargetPlanRefResponse, nullable: true, description: 'null for program-level targets' })
  activity!: TargetPlanRefResponse | null;
  @ApiProperty({ type: TargetPlanRefResponse, nullable: true }) series!: TargetPlanRefResponse | null;
  @ApiPropertyOptional({
    type: [PeriodProgressResponse],
    description: 'yearly / half-yearly targets: every period; `actual` and `status` are the current one’s',
  })
  periods?: PeriodProgressResponse[];
  @ApiPropertyOptional({ description: 'label of the current period of a periodic target' }) currentPeriod?: string;
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
  @ApiProperty({ format: 'date' }) periodStart!: string;
  @ApiProperty({ format: 'date' }) periodEnd!: string;
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
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) revision!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) withdrawnAt!: string | null;
}

export class FiledReportResponse extends ReportResponse {
  @ApiProperty({ description: 'true when it replaced an earlier value for the same target, unit and period' })
  corrected!: boolean;
}

export class ReportRevisionResponse {
  @ApiProperty({ type: 'integer', minimum: 1 }) revision!: number;
  @ApiProperty({ enum: ['filed', 'corrected', 'withdrawn', 'refiled'] }) action!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true }) evidence!: string | null;
  @ApiProperty({ type: 'integer' }) actorId!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ReportHistoryResponse {
  @ApiProperty({ type: ReportResponse }) report!: ReportResponse;
  @ApiProperty({ type: [ReportRevisionResponse] }) revisions!: ReportRevisionResponse[];
}

export const ReportPageResponse = PageOf(ReportResponse);
