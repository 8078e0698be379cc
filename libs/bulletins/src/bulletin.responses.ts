import { ApiProperty } from '@nestjs/swagger';
import { BULLETIN_FREQUENCIES } from './bulletin-period';

/** Response classes of the bulletin (通报) routes: the OpenAPI shapes of BulletinFacts and the views. */

const STATUSES = ['met', 'on_track', 'behind', 'not_started'];

export class BulletinUnitRefResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() name!: string;
}

export class BulletinChangeResponse {
  @ApiProperty() actual!: number;
  @ApiProperty() ratio!: number;
  @ApiProperty({ enum: STATUSES }) previousStatus!: string;
}

export class BulletinTargetResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: String, nullable: true, example: '二 博士人才活动' }) series!: string | null;
  @ApiProperty({ type: String, nullable: true }) activity!: string | null;
  @ApiProperty({ type: [BulletinUnitRefResponse], description: 'responsible units, lead first' })
  units!: BulletinUnitRefResponse[];
  @ApiProperty() comparator!: string;
  @ApiProperty() target!: number;
  @ApiProperty() unit!: string;
  @ApiProperty() actual!: number;
  @ApiProperty() ratio!: number;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the period judged' }) periodLabel!: string | null;
  @ApiProperty({ type: BulletinChangeResponse, nullable: true, description: 'against the previous bulletin' })
  change!: BulletinChangeResponse | null;
}

export class BulletinSeriesSummaryResponse {
  @ApiProperty({ type: String, nullable: true, description: 'null: the whole program' }) series!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) activities!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) met!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) onTrack!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) behind!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) notStarted!: number;
}

export class BulletinProgramResponse {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
}

export class BulletinPreviousResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() periodLabel!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
}

export class BulletinBehindUnitResponse {
  @ApiProperty({ type: 'integer' }) unitId!: number;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: [Number] }) targetIds!: number[];
}

export class BulletinNotReportedResponse {
  @ApiProperty({ type: 'integer' }) unitId!: number;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: [String] }) targets!: string[];
}

export class BulletinResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) bulletinId!: number;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger!: string;
  @ApiProperty({ type: BulletinProgramResponse }) program!: BulletinProgramResponse;
  @ApiProperty({ example: '2022-H1' }) periodLabel!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: BulletinPreviousResponse, nullable: true }) previous!: BulletinPreviousResponse | null;
  @ApiProperty({ type: [BulletinSeriesSummaryResponse] }) summary!: BulletinSeriesSummaryResponse[];
  @ApiProperty({ type: [BulletinTargetResponse] }) targets!: BulletinTargetResponse[];
  @ApiProperty({ type: [BulletinBehindUnitResponse] }) behindByUnit!: BulletinBehindUnitResponse[];
  @ApiProperty({ type: [BulletinNotReportedResponse] }) notReported!: BulletinNotReportedResponse[];
}

export class BulletinSummaryResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() programCode!: string;
  @ApiProperty() periodLabel!: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) behind!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) notReported!: number;
}

export class BulletinScheduleResponse {
  @ApiProperty() programCode!: string;
  @ApiProperty({ enum: BULLETIN_FREQUENCIES }) frequency!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ description: 'cron in Asia/Shanghai' }) cron!: string;
  @ApiProperty({ description: 'the period whose bulletin is due now' }) duePeriod!: string;
}
