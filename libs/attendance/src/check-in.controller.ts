import { Body, Controller, Delete, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiAcceptLanguage, ApiErrors, ApiIdempotencyKey, ApiIdParam, ParseIdPipe } from '@app/core';
import { Audit, AuthUser, CurrentUser, Roles } from '@app/identity';
import { CreateRegistrationDto } from '@app/registration';
import { CheckInResponse, WalkInResponse } from './attendance.responses';
import { CheckInDto, CheckInView } from './check-in.dto';
import { CheckInService, WalkInView } from './check-in.service';

@ApiTags('attendance')
@Controller()
export class CheckInController {
  constructor(private readonly checkIns: CheckInService) {}

  @Post('sessions/:id/check-ins')
  @Roles('organizer', 'checkin_staff')
  @Audit('check_in.create', 'session')
  @ApiOperation({ summary: 'Check in by code or registration id: 201 the first time, 200 with the first time after' })
  @ApiIdParam()
  @ApiCreatedResponse({ type: CheckInResponse, description: 'Checked in now' })
  @ApiOkResponse({ type: CheckInResponse, description: 'Already checked in; `checkedInAt` is the first time' })
  @ApiErrors(400, 404, 422)
  async checkIn(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CheckInDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CheckInView> {
    const view = await this.checkIns.checkIn(user, id, body);
    reply.status(view.first ? 201 : 200);
    return view;
  }

  @Post('sessions/:id/walk-ins')
  @Roles('organizer', 'checkin_staff')
  @Audit('check_in.walk_in', 'registration')
  @ApiOperation({ summary: 'Register someone at the door and check them in while seats remain' })
  @ApiIdParam()
  @ApiIdempotencyKey()
  @ApiAcceptLanguage()
  @ApiCreatedResponse({ type: WalkInResponse })
  @ApiErrors(400, 404, 409, 422)
  walkIn(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CreateRegistrationDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<WalkInView> {
    return this.checkIns.walkIn(user, id, body, { idempotencyKey, acceptLanguage });
  }

  @Delete('sessions/:id/check-ins/:registrationId')
  @HttpCode(204)
  @Roles('organizer', 'checkin_staff')
  @Audit('check_in.undo', 'session')
  @ApiOperation({ summary: 'Take a check-in back (organizers, and check-in staff of the session)' })
  @ApiIdParam()
  @ApiIdParam('registrationId')
  @ApiNoContentResponse({ description: 'The check-in is gone' })
  @ApiErrors(400, 404)
  async undo(
    @Param('id', ParseIdPipe) id: number,
    @Param('registrationId', ParseIdPipe) registrationId: number,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    await this.checkIns.undo(user, id, registrationId);
  }
}
