import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '@app/core';
import { AuthUser, CurrentUser, Roles } from '@app/identity';
import { AttendanceService } from './attendance.service';

@ApiTags('attendance')
@Controller()
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Get('sessions/:id/attendance')
  @Roles('organizer', 'checkin_staff')
  @ApiOperation({ summary: 'Capacity, registered (confirmed), checked in and rate per category' })
  session(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.attendance.sessionAttendance(user, id);
  }

  @Get('activities/:id/attendance')
  @Roles('organizer')
  @ApiOperation({ summary: 'Attendance of all sessions of an activity' })
  activity(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.attendance.activityAttendance(user, id);
  }

  @Get('programs/:code/attendance')
  @Roles('organizer')
  @ApiOperation({ summary: 'Attendance of a whole plan by category and activity' })
  program(@Param('code') code: string) {
    return this.attendance.programAttendance(code);
  }
}
