import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiIdParam, ParseIdPipe } from '@app/core';
import { AuthUser, CurrentUser, Roles } from '@app/identity';
import {
  ActivityAttendanceResponse,
  ProgramAttendanceResponse,
  SessionAttendanceResponse,
} from './attendance.responses';
import { AttendanceService } from './attendance.service';

@ApiTags('attendance')
@Controller()
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get('sessions/:id/attendance')
  @Roles('organizer', 'checkin_staff')
  @ApiOperation({ summary: 'Capacity, registered (confirmed), checked in and rate per category' })
  @ApiIdParam()
  @ApiOkResponse({ type: SessionAttendanceResponse })
  @ApiErrors(400, 404)
  session(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.attendance.sessionAttendance(user, id);
  }

  @Get('activities/:id/attendance')
  @Roles('organizer')
  @ApiOperation({ summary: 'Attendance of all sessions of an activity' })
  @ApiIdParam()
  @ApiOkResponse({ type: ActivityAttendanceResponse })
  @ApiErrors(400, 404)
  activity(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.attendance.activityAttendance(user, id);
  }

  @Get('programs/:code/attendance')
  @Roles('organizer')
  @ApiOperation({ summary: 'Attendance of a whole plan by category and activity' })
  @ApiOkResponse({ type: ProgramAttendanceResponse })
  @ApiErrors(404)
  program(@Param('code') code: string) {
    return this.attendance.programAttendance(code);
  }
}
