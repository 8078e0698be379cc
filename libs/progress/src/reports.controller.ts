import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiIdempotencyKey, ApiIdParam, PageQuery, ParseIdPipe } from '@app/core';
import { Audit, AuthUser, CurrentUser, Roles } from '@app/identity';
import { CreateReportDto } from './report.dto';
import { ReportPageResponse, ReportResponse } from './progress.responses';
import { ReportsService } from './reports.service';

@ApiTags('progress')
@Controller('targets/:id/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @Roles('organizer')
  @Audit('progress_report.create', 'progress_report')
  @ApiOperation({ summary: 'Report progress on a `reported` target for one of its responsible units' })
  @ApiIdParam()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: ReportResponse })
  @ApiErrors(400, 404, 422)
  create(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CreateReportDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    return this.reports.create(user, id, body, idempotencyKey);
  }

  @Get()
  @Roles('organizer')
  @ApiOperation({ summary: 'Reports of a target, newest first' })
  @ApiIdParam()
  @ApiOkResponse({ type: ReportPageResponse })
  @ApiErrors(400, 404)
  list(@Param('id', ParseIdPipe) id: number, @Query() q: PageQuery) {
    return this.reports.list(id, q);
  }
}
