import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrors, ApiFileResponse, ApiIdParam, ParseIdPipe } from '@app/core';
import { Audit, AuthUser, CurrentUser, Roles } from '@app/identity';
import { AgendaService } from './agenda.service';
import { MatchmakingSettingsDto, MovePlacementDto, ScheduleRunDto } from './matchmaking.dto';
import {
  AgendaMailsResponse,
  MatchMatrixResponse,
  MatchmakingSettingsResponse,
  MatchVocabularyResponse,
  MeetingPlacementMoveResponse,
  ScheduleRunResponse,
} from './matchmaking.responses';
import { MatrixService } from './matrix.service';
import { ScheduleService } from './schedule.service';
import { MatchmakingSettingsService } from './settings.service';
import { MATCH_TAGS, COOPERATION_MODES } from './vocabulary';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('matchmaking')
@Controller()
export class MatchmakingOrganizerController {
  constructor(
    private readonly settings: MatchmakingSettingsService,
    private readonly schedule: ScheduleService,
    private readonly agendas: AgendaService,
    private readonly matrixes: MatrixService,
  ) {}

  @Get('matchmaking/vocabulary')
  @ApiOperation({ summary: 'The shared tag vocabulary (泉州 industry chains) and the 合作方式 choices' })
  @ApiOkResponse({ type: MatchVocabularyResponse })
  vocabulary() {
    return { tags: [...MATCH_TAGS], cooperationModes: [...COOPERATION_MODES] };
  }

  @Put('sessions/:id/matchmaking')
  @Roles('organizer')
  @Audit('matchmaking.settings', 'session')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Switch matchmaking on or off for a session: meeting length, slots, tables, request deadline',
  })
  @ApiIdParam()
  @ApiOkResponse({ type: MatchmakingSettingsResponse })
  @ApiErrors(400, 401, 403, 404)
  put(@Param('id', ParseIdPipe) id: number, @Body() body: MatchmakingSettingsDto, @CurrentUser() user: AuthUser) {
    return this.settings.put(user, id, body);
  }

  @Get('sessions/:id/matchmaking')
  @ApiOperation({ summary: "A session's matchmaking settings and slot times" })
  @ApiIdParam()
  @ApiOkResponse({ type: MatchmakingSettingsResponse })
  @ApiErrors(400, 404, 422)
  get(@Param('id', ParseIdPipe) id: number) {
    return this.settings.view(id);
  }

  @Post('sessions/:id/matchmaking/schedule')
  @HttpCode(200)
  @Roles('organizer')
  @Audit('matchmaking.schedule', 'session')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Place every accepted meeting not yet placed (greedy); optionally fill free slots with top mutual suggestions',
  })
  @ApiIdParam()
  @ApiOkResponse({ type: ScheduleRunResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  run(@Param('id', ParseIdPipe) id: number, @Body() body: ScheduleRunDto, @CurrentUser() user: AuthUser) {
    return this.schedule.run(user, id, body ?? {});
  }

  @Patch('matchmaking/meetings/:id/placement')
  @Roles('organizer')
  @Audit('matchmaking.move', 'meeting')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Move one meeting to a table and slot; 409 when the table or a participant is booked' })
  @ApiIdParam()
  @ApiOkResponse({ type: MeetingPlacementMoveResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  move(@Param('id', ParseIdPipe) id: number, @Body() body: MovePlacementDto, @CurrentUser() user: AuthUser) {
    return this.schedule.move(user, id, body);
  }

  @Post('sessions/:id/matchmaking/agenda-mails')
  @HttpCode(200)
  @Roles('organizer')
  @Audit('matchmaking.agenda_mails', 'session')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Mail every participant its agenda (an .ics per meeting); once per schedule version' })
  @ApiIdParam()
  @ApiOkResponse({ type: AgendaMailsResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  mail(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.agendas.sendAll(user, id);
  }

  @Get('sessions/:id/matchmaking/matrix')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The meeting matrix (tables × slots), no-shows and results' })
  @ApiIdParam()
  @ApiOkResponse({ type: MatchMatrixResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  matrix(@Param('id', ParseIdPipe) id: number, @CurrentUser() user: AuthUser) {
    return this.matrixes.matrix(user, id);
  }

  @Get('sessions/:id/matchmaking/matrix.xlsx')
  @Roles('organizer')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The meeting matrix and results as XLSX' })
  @ApiIdParam()
  @ApiFileResponse(XLSX, 'An attachment, `session-{id}-matchmaking.xlsx`')
  @ApiErrors(400, 401, 403, 404, 422)
  async xlsx(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.matrixes.xlsx(user, id);
    reply.header('Content-Type', XLSX);
    reply.header('Content-Disposition', `attachment; filename="session-${id}-matchmaking.xlsx"`);
    reply.header('Cache-Control', 'no-store');
    return file;
  }
}
