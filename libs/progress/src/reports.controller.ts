import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrors, ApiIdempotencyKey, ApiIdParam, PageQuery, ParseIdPipe } from '@app/core';
import { Audit, AuthUser, CurrentUser, Roles } from '@app/identity';
import { CreateReportDto, WithdrawReportDto } from './report.dto';
import { FiledReportResponse, ReportHistoryResponse, ReportPageResponse, ReportResponse } from './progress.responses';
import { ReportsService } from './reports.service';

@ApiTags('progress')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('targets/:id/reports')
  @Roles('organizer')
  @Audit('progress_report.create', 'progress_report')
  @ApiOperation({
    summary:
      'Report progress on a `reported` target for one of its responsible units and a period: 201 for the first ' +
      'report of that unit and period, 200 when it corrects the earlier one (kept in its history)',
  })
  @ApiIdParam()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: FiledReportResponse })
  @ApiOkResponse({ type: FiledReportResponse, description: 'A correction of the report of that unit and period' })
  @ApiErrors(400, 404, 422)
  async create(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CreateReportDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    const filed = await this.reports.create(user, id, body, idempotencyKey);
    if (filed.corrected) reply.status(200);
    return { ...filed.report, corrected: filed.corrected };
  }

  @Get('targets/:id/reports')
  @Roles('organizer')
  @ApiOperation({ summary: 'Reports of a target, newest first (withdrawn ones marked)' })
  @ApiIdParam()
  @ApiOkResponse({ type: ReportPageResponse })
  @ApiErrors(400, 404)
  list(@Param('id', ParseIdPipe) id: number, @Query() q: PageQuery) {
    return this.reports.list(id, q);
  }

  @Post('reports/:id/withdraw')
  @HttpCode(200)
  @Roles('organizer')
  @Audit('progress_report.withdraw', 'progress_report')
  @ApiOperation({ summary: 'Withdraw a progress report: it stays listed with its history and counts for nothing' })
  @ApiIdParam()
  @ApiOkResponse({ type: ReportResponse })
  @ApiErrors(400, 401, 403, 404, 422)
  withdraw(@Param('id', ParseIdPipe) id: number, @Body() body: WithdrawReportDto, @CurrentUser() user: AuthUser) {
    return this.reports.withdraw(user, id, body);
  }

  @Get('reports/:id/history')
  @Roles('organizer')
  @ApiOperation({ summary: 'Every value a progress report held: filed, corrected, withdrawn, refiled' })
  @ApiIdParam()
  @ApiOkResponse({ type: ReportHistoryResponse })
  @ApiErrors(400, 401, 403, 404)
  history(@Param('id', ParseIdPipe) id: number) {
    return this.reports.history(id);
  }
}
