import { ApiProperty } from '@nestjs/swagger';
import { PARTICIPANT_CATEGORIES } from '@app/catalog';
import { REGISTRATION_STATUSES } from '@app/registration';

/** Response classes of the attendance and check-in routes. */

/** registered = confirmed seats (from the quota counters). */
export class AttendanceLineResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) capacity!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) registered!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) checkedIn!: number;
  @ApiProperty({ minimum: 0, description: 'checkedIn / registered, 0 when nobody is registered' }) rate!: number;
}

export class CategoryAttendanceResponse extends AttendanceLineResponse {
  @ApiProperty() category!: string;
}

export class SessionAttendanceResponse {
  @ApiProperty({ type: 'integer' }) sessionId!: number;
  @ApiProperty({ type: [CategoryAttendanceResponse] }) byCategory!: CategoryAttendanceResponse[];
  @ApiProperty({ type: AttendanceLineResponse }) total!: AttendanceLineResponse;
}

export class SessionAttendanceLineResponse extends AttendanceLineResponse {
  @ApiProperty({ type: 'integer' }) sessionId!: number;
}

export class ActivityAttendanceResponse {
  @ApiProperty({ type: 'integer' }) activityId!: number;
  @ApiProperty({ type: [CategoryAttendanceResponse] }) byCategory!: CategoryAttendanceResponse[];
  @ApiProperty({ type: AttendanceLineResponse }) total!: AttendanceLineResponse;
  @ApiProperty({ type: [SessionAttendanceLineResponse] }) sessions!: SessionAttendanceLineResponse[];
}

export class ProgramRefResponse {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
}

export class ActivityAttendanceLineResponse extends AttendanceLineResponse {
  @ApiProperty({ type: 'integer' }) activityId!: number;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
}

export class ProgramAttendanceResponse {
  @ApiProperty({ type: ProgramRefResponse }) program!: ProgramRefResponse;
  @ApiProperty({ type: [CategoryAttendanceResponse] }) byCategory!: CategoryAttendanceResponse[];
  @ApiProperty({ type: AttendanceLineResponse }) total!: AttendanceLineResponse;
  @ApiProperty({ type: [ActivityAttendanceLineResponse] }) byActivity!: ActivityAttendanceLineResponse[];
}

/** `first` is false on a repeat, which then carries the first time. */
export class CheckInResponse {
  @ApiProperty({ type: 'integer' }) registrationId!: number;
  @ApiProperty({ format: 'date-time' }) checkedInAt!: string;
  @ApiProperty() first!: boolean;
  @ApiProperty({ description: 'who was admitted, so the door can see it' }) name!: string;
  @ApiProperty({ enum: PARTICIPANT_CATEGORIES }) category!: string;
  @ApiProperty({ type: String, nullable: true, description: '单位名称' }) unitName!: string | null;
}

export class WalkInResponse {
  @ApiProperty({ type: 'integer', description: 'the registration id' }) id!: number;
  @ApiProperty({ type: 'integer' }) registrationId!: number;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status!: string;
  @ApiProperty() manageToken!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null while the registration awaits approval',
  })
  checkedInAt!: string | null;
  @ApiProperty() first!: boolean;
}
