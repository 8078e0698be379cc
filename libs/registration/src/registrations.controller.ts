import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiAcceptLanguage,
  ApiErrors,
  ApiIdempotencyKey,
  ApiIdParam,
  ParseIdPipe,
  unauthorized,
  forbidden,
} from '@app/core';
import { AccessService, Audit, AuthUser, CurrentUser, PublicWrite, Roles } from '@app/identity';
import { CreateRegistrationDto, ReasonDto, RegistrationListQuery, TokenQuery } from './dto/registration.dto';
import { RegistrationEntity } from './entities';
import { RegistrationCreatedResponse, RegistrationPageResponse, RegistrationResponse } from './registration.responses';
import { RegistrationsService } from './registrations.service';
import { SessionsService } from './sessions.service';

@ApiTags('registrations')
@Controller()
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly sessions: SessionsService,
    private readonly access: AccessService,
  ) {}

  @Post('sessions/:id/registrations')
  @PublicWrite()
  @ApiOperation({ summary: 'Register for a session (enterprise, PhD, talent, …); no account needed' })
  @ApiIdParam()
  @ApiIdempotencyKey()
  @ApiAcceptLanguage()
  @ApiCreatedResponse({ type: RegistrationCreatedResponse })
  @ApiErrors(400, 404, 409, 422)
  register(
    @Param('id', ParseIdPipe) sessionId: number,
    @Body() dto: CreateRegistrationDto,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.registrations.register(sessionId, dto, { idempotencyKey, acceptLanguage });
  }

  @Get('sessions/:id/registrations')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Registrations of a session, filtered and paginated; phone and ID masked unless allowed' })
  @ApiIdParam()
  @ApiOkResponse({ type: RegistrationPageResponse })
  @ApiErrors(400, 404)
  async list(
    @Param('id', ParseIdPipe) sessionId: number,
    @Query() q: RegistrationListQuery,
    @CurrentUser() user: AuthUser,
  ) {
    const session = await this.sessions.getSession(sessionId);
    await this.access.assertCanManageActivity(user, session.activityId);
    const reveal = await this.access.canSeePersonalData(user, session.activityId);
    return this.registrations.list(sessionId, q, reveal);
  }

  @Get('registrations/:id')
  @ApiOperation({ summary: 'One registration, for the holder of its manage token or an organizer' })
  @ApiIdParam()
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiErrors(400, 401, 403, 404)
  async get(@Param('id', ParseIdPipe) id: number, @Query() q: TokenQuery, @CurrentUser() user?: AuthUser) {
    const reg = await this.authorize(id, q.token, user);
    return this.registrations.view(reg);
  }

  @Post('registrations/:id/cancel')
  @HttpCode(200)
  @Audit('registration.cancel', 'registration')
  @ApiOperation({ summary: 'Cancel (holder of the manage token, or organizer); the seat goes to the waitlist' })
  @ApiIdParam()
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  async cancel(
    @Param('id', ParseIdPipe) id: number,
    @Query() q: TokenQuery,
    @Body() body: ReasonDto,
    @CurrentUser() user?: AuthUser,
  ) {
    await this.authorize(id, q.token, user);
    return this.registrations.cancel(id, body.reason);
  }

  @Post('registrations/:id/approve')
  @HttpCode(200)
  @Roles('organizer')
  @Audit('registration.approve', 'registration')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Approve a registration awaiting approval' })
  @ApiIdParam()
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiErrors(400, 404, 422)
  async approve(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    await this.authorize(id, undefined, user);
    return this.registrations.approve(id);
  }

  @Post('registrations/:id/reject')
  @HttpCode(200)
  @Roles('organizer')
  @Audit('registration.reject', 'registration')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Reject a registration awaiting approval or waitlisted; a freed seat goes to the waitlist' })
  @ApiIdParam()
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiErrors(400, 404, 422)
  async reject(@Param('id', ParseIdPipe) id: number, @Body() body: ReasonDto, @CurrentUser() user: AuthUser) {
    await this.authorize(id, undefined, user);
    return this.registrations.reject(id, body.reason);
  }

  @Post('registrations/:id/reopen')
  @HttpCode(200)
  @Roles('organizer')
  @Audit('registration.reopen', 'registration')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Reopen a rejected registration: pending again when a seat is free, else waitlisted' })
  @ApiIdParam()
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  async reopen(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    await this.authorize(id, undefined, user);
    return this.registrations.reopen(id);
  }

  /** The manage token decides for its holder; otherwise an organizer of the activity. */
  private async authorize(
    id: number,
    token: string | undefined,
    user: AuthUser | undefined,
  ): Promise<RegistrationEntity> {
    const reg = await this.registrations.getEntity(id);
    if (token !== undefined) {
      if (!this.registrations.holdsToken(reg, token))
        throw forbidden('Invalid manage token for this registration').as('invalid_manage_token');
      return reg;
    }
    if (!user) throw unauthorized('A manage token or an organizer login is required');
    const session = await this.sessions.getSession(reg.sessionId);
    await this.access.assertCanManageActivity(user, session.activityId);
    return reg;
  }
}
