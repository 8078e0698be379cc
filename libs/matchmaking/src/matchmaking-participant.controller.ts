import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiIdParam, ParseIdPipe } from '@app/core';
import { AuthUser, CurrentUser } from '@app/identity';
import { AgendaService } from './agenda.service';
import { BrowseQuery, MatchProfileDto, MatchTokenQuery, MeetingRequestDto, MeetingResultDto } from './matchmaking.dto';
import {
  MatchAgendaResponse,
  MatchProfileListResponse,
  MatchProfileResponse,
  MatchSuggestionListResponse,
  MeetingListResponse,
  MeetingResponse,
} from './matchmaking.responses';
import { MeetingsService } from './meetings.service';
import { ParticipantAccess } from './participant-access';
import { ProfilesService } from './profiles.service';

/** What a registrant does with its manage token (`?token=`): profile, suggestions, requests, agenda, results. */
@ApiTags('matchmaking')
@Controller('registrations/:id/matchmaking')
export class MatchmakingParticipantController {
  constructor(
    private readonly access: ParticipantAccess,
    private readonly profiles: ProfilesService,
    private readonly meetings: MeetingsService,
    private readonly agendas: AgendaService,
  ) {}

  @Put('profile')
  @ApiOperation({ summary: 'Publish or update the matchmaking profile (needs, or expertise and projects; tags)' })
  @ApiIdParam()
  @ApiOkResponse({ type: MatchProfileResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  async putProfile(
    @Param('id', ParseIdPipe) id: number,
    @Query() q: MatchTokenQuery,
    @Body() body: MatchProfileDto,
    @CurrentUser() user?: AuthUser,
  ) {
    return this.profiles.publish(await this.access.holder(id, q.token, user), body);
  }

  @Get('profile')
  @ApiOperation({ summary: 'The own matchmaking profile' })
  @ApiIdParam()
  @ApiOkResponse({ type: MatchProfileResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  async getProfile(@Param('id', ParseIdPipe) id: number, @Query() q: MatchTokenQuery, @CurrentUser() user?: AuthUser) {
    return this.profiles.own(await this.access.holder(id, q.token, user));
  }

  @Get('suggestions')
  @ApiOperation({ summary: 'Suggested partners ranked by tag and keyword overlap, with what matched' })
  @ApiIdParam()
  @ApiOkResponse({ type: MatchSuggestionListResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  async suggestions(@Param('id', ParseIdPipe) id: number, @Query() q: MatchTokenQuery, @CurrentUser() user?: AuthUser) {
    return { items: await this.profiles.suggestions(await this.access.holder(id, q.token, user)) };
  }

  @Get('profiles')
  @ApiOperation({
    summary: "Browse and search the other side's published profiles (contact data once a meeting is accepted)",
  })
  @ApiIdParam()
  @ApiOkResponse({ type: MatchProfileListResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  async browse(@Param('id', ParseIdPipe) id: number, @Query() q: BrowseQuery, @CurrentUser() user?: AuthUser) {
    return this.profiles.browse(await this.access.holder(id, q.token, user), q);
  }

  @Post('requests')
  @ApiOperation({ summary: 'Request a 1:1 meeting, with a message; limited open requests per participant' })
  @ApiIdParam()
  @ApiCreatedResponse({ type: MeetingResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  async request(
    @Param('id', ParseIdPipe) id: number,
    @Query() q: MatchTokenQuery,
    @Body() body: MeetingRequestDto,
    @CurrentUser() user?: AuthUser,
  ) {
    return this.meetings.request(await this.access.holder(id, q.token, user), body);
  }

  @Get('requests')
  @ApiOperation({ summary: 'Incoming and outgoing meeting requests' })
  @ApiIdParam()
  @ApiOkResponse({ type: MeetingListResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  async list(@Param('id', ParseIdPipe) id: number, @Query() q: MatchTokenQuery, @CurrentUser() user?: AuthUser) {
    return this.meetings.list(await this.access.holder(id, q.token, user));
  }

  @Post('requests/:meetingId/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a request (the recipient); both then see each other’s contact data' })
  @ApiIdParam()
  @ApiIdParam('meetingId')
  @ApiOkResponse({ type: MeetingResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  async accept(
    @Param('id', ParseIdPipe) id: number,
    @Param('meetingId', ParseIdPipe) meetingId: number,
    @Query() q: MatchTokenQuery,
    @CurrentUser() user?: AuthUser,
  ) {
    return this.meetings.accept(await this.access.holder(id, q.token, user), meetingId);
  }

  @Post('requests/:meetingId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a request (the recipient)' })
  @ApiIdParam()
  @ApiIdParam('meetingId')
  @ApiOkResponse({ type: MeetingResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  async decline(
    @Param('id', ParseIdPipe) id: number,
    @Param('meetingId', ParseIdPipe) meetingId: number,
    @Query() q: MatchTokenQuery,
    @CurrentUser() user?: AuthUser,
  ) {
    return this.meetings.decline(await this.access.holder(id, q.token, user), meetingId);
  }

  @Post('requests/:meetingId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an open request (the requester)' })
  @ApiIdParam()
  @ApiIdParam('meetingId')
  @ApiOkResponse({ type: MeetingResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  async withdraw(
    @Param('id', ParseIdPipe) id: number,
    @Param('meetingId', ParseIdPipe) meetingId: number,
    @Query() q: MatchTokenQuery,
    @CurrentUser() user?: AuthUser,
  ) {
    return this.meetings.withdraw(await this.access.holder(id, q.token, user), meetingId);
  }

  @Put('meetings/:meetingId/result')
  @ApiOperation({ summary: 'Record the meeting’s result: no_deal 未达成, continue 继续洽谈, intent 达成意向, no_show' })
  @ApiIdParam()
  @ApiIdParam('meetingId')
  @ApiOkResponse({ type: MeetingResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  async result(
    @Param('id', ParseIdPipe) id: number,
    @Param('meetingId', ParseIdPipe) meetingId: number,
    @Query() q: MatchTokenQuery,
    @Body() body: MeetingResultDto,
    @CurrentUser() user?: AuthUser,
  ) {
    return this.meetings.recordResult(await this.access.holder(id, q.token, user), meetingId, body.result);
  }

  @Get('agenda')
  @ApiOperation({ summary: 'The own agenda: placed meetings in slot order, with table and partner' })
  @ApiIdParam()
  @ApiOkResponse({ type: MatchAgendaResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  async agenda(@Param('id', ParseIdPipe) id: number, @Query() q: MatchTokenQuery, @CurrentUser() user?: AuthUser) {
    return this.agendas.agenda(await this.access.holder(id, q.token, user));
  }
}
