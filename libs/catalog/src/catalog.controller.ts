import { Controller, Get, Inject, Optional, Param } from '@nestjs/common';
import { ApiErrors, ApiIdParam, ApiNotModified, ParseIdPipe } from '@app/core';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActivityDetailResponse, ProgramResponse, ProgramSummaryResponse, UnitResponse } from './catalog.responses';
import { ACTIVITY_SESSIONS, ActivitySessionsReader } from './activity-sessions.port';
import { CatalogService } from './catalog.service';

@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(
    private readonly catalog: CatalogService,
    @Optional() @Inject(ACTIVITY_SESSIONS) private readonly sessions?: ActivitySessionsReader,
  ) {}

  @Get('units')
  @ApiOperation({ summary: 'Units named by the plans (lead, host and responsible units)' })
  @ApiNotModified()
  @ApiOkResponse({ type: [UnitResponse] })
  units() {
    return this.catalog.listUnits();
  }

  @Get('programs')
  @ApiOperation({ summary: 'Plan documents with counts' })
  @ApiNotModified()
  @ApiOkResponse({ type: [ProgramSummaryResponse] })
  programs() {
    return this.catalog.listPrograms();
  }

  @Get('programs/:code')
  @ApiOperation({ summary: 'One plan: series, activities with units, windows and targets' })
  @ApiNotModified()
  @ApiOkResponse({ type: ProgramResponse })
  @ApiErrors(404)
  program(@Param('code') code: string) {
    return this.catalog.getProgram(code);
  }

  @Get('activities/:id')
  @ApiOperation({ summary: 'One activity with its sessions and targets' })
  @ApiIdParam()
  @ApiNotModified()
  @ApiOkResponse({ type: ActivityDetailResponse })
  @ApiErrors(400, 404)
  async activity(@Param('id', ParseIdPipe) id: number) {
    const activity = await this.catalog.getActivity(id);
    return { ...activity, sessions: this.sessions ? await this.sessions.sessionsOf(id) : [] };
  }
}
