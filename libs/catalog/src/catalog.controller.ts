import { Controller, Get, Inject, Optional, Param } from '@nestjs/common';
import { ParseIdPipe } from '@app/core';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
  units() {
    return this.catalog.listUnits();
  }

  @Get('programs')
  @ApiOperation({ summary: 'Plan documents with counts' })
  programs() {
    return this.catalog.listPrograms();
  }

  @Get('programs/:code')
  @ApiOperation({ summary: 'One plan: series, activities with units, windows and targets' })
  program(@Param('code') code: string) {
    return this.catalog.getProgram(code);
  }

  @Get('activities/:id')
  @ApiOperation({ summary: 'One activity with its sessions and targets' })
  async activity(@Param('id', ParseIdPipe) id: number) {
    const activity = await this.catalog.getActivity(id);
    return { ...activity, sessions: this.sessions ? await this.sessions.sessionsOf(id) : [] };
  }
}
