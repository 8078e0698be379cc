import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiIdParam, ApiNotModified, ParseIdPipe } from '@app/core';
import { AccessService, Audit, AuthUser, CurrentUser, Roles } from '@app/identity';
import { CreateSessionDto, UpdateSessionDto } from './dto/session.dto';
import { SessionResponse } from './registration.responses';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly access: AccessService,
  ) {}

  @Post('activities/:id/sessions')
  @Roles('organizer')
  @Audit('session.create', 'session')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a session of an activity with per-category quotas' })
  @ApiIdParam()
  @ApiCreatedResponse({ type: SessionResponse })
  @ApiErrors(400, 404)
  async create(
    @Param('id', ParseIdPipe) activityId: number,
    @Body() dto: CreateSessionDto,
    @CurrentUser() user: AuthUser,
  ) {
    await this.access.assertCanManageActivity(user, activityId);
    return this.sessions.create(activityId, dto);
  }

  @Get('activities/:id/sessions')
  @ApiOperation({ summary: 'Sessions of an activity with their quotas' })
  @ApiIdParam()
  @ApiNotModified()
  @ApiOkResponse({ type: [SessionResponse] })
  @ApiErrors(400, 404)
  list(@Param('id', ParseIdPipe) activityId: number) {
    return this.sessions.listForActivity(activityId);
  }

  @Get('sessions/upcoming')
  @ApiOperation({
    summary: 'Sessions not yet over, of every activity, soonest first, with their quotas',
    description:
      'Not cancelled or completed, registration not yet closed and not yet ended: open, opening soon, waitlist or full.',
  })
  @ApiNotModified()
  @ApiOkResponse({ type: [SessionResponse] })
  upcoming() {
    return this.sessions.listUpcoming();
  }

  @Get('sessions/:id')
  @ApiOperation({ summary: 'A session with capacity, confirmed, pending, waitlisted and available per category' })
  @ApiIdParam()
  @ApiNotModified()
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(400, 404)
  get(@Param('id', ParseIdPipe) id: number) {
    return this.sessions.view(id);
  }

  @Patch('sessions/:id')
  @Roles('organizer')
  @Audit('session.update', 'session')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Reschedule, change mode or venue, postpone, cancel, complete; registrants are notified' })
  @ApiIdParam()
  @ApiOkResponse({ type: SessionResponse })
  @ApiErrors(400, 404, 422)
  async update(@Param('id', ParseIdPipe) id: number, @Body() dto: UpdateSessionDto, @CurrentUser() user: AuthUser) {
    const session = await this.sessions.getSession(id);
    await this.access.assertCanManageActivity(user, session.activityId);
    return this.sessions.update(id, dto);
  }
}
