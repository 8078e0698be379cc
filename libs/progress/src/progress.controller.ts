import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAcceptLanguage, ApiErrors, ApiFileResponse } from '@app/core';
import type { FastifyReply } from 'fastify';
import { Roles } from '@app/identity';
import { progressCsv, progressXlsx } from './progress.export';
import { exportLocale } from './progress.labels';
import { ProgramProgressResponse } from './progress.responses';
import { ProgressService } from './progress.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('progress')
@Controller('programs/:code')
@Roles('organizer')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get('progress')
  @ApiOperation({ summary: 'Plan vs actual: every target with actual, ratio and status; roll-ups by unit and series' })
  @ApiOkResponse({ type: ProgramProgressResponse })
  @ApiErrors(404)
  json(@Param('code') code: string) {
    return this.progress.programProgress(code);
  }

  @Get('progress.csv')
  @ApiOperation({
    summary:
      'Progress of every target (and period) as CSV: UTF-8 with BOM, a title line, Chinese unless Accept-Language: en',
  })
  @ApiAcceptLanguage()
  @ApiFileResponse('text/csv', 'An attachment, `{code}-progress.csv`', false)
  @ApiErrors(404)
  async csv(
    @Param('code') code: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<string> {
    const body = progressCsv(await this.progress.programProgress(code), exportLocale(acceptLanguage));
    attachment(reply, 'text/csv; charset=utf-8', `${code}-progress.csv`);
    return body;
  }

  @Get('progress.xlsx')
  @ApiOperation({
    summary: 'Progress as an Excel workbook: targets with their periods, by lead unit, by series (Chinese unless en)',
  })
  @ApiAcceptLanguage()
  @ApiFileResponse(XLSX, 'An attachment, `{code}-progress.xlsx`')
  @ApiErrors(404)
  async xlsx(
    @Param('code') code: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<Buffer> {
    const body = await progressXlsx(await this.progress.programProgress(code), exportLocale(acceptLanguage));
    attachment(reply, XLSX, `${code}-progress.xlsx`);
    return body;
  }
}

function attachment(reply: FastifyReply, type: string, filename: string): void {
  reply.header('Content-Type', type);
  reply.header('Content-Disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`);
  reply.header('Vary', 'Accept-Language');
  reply.header('Cache-Control', 'no-store');
}
