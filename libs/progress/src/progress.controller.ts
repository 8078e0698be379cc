import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '@app/identity';
import { progressCsv, progressXlsx } from './progress.export';
import { exportLocale } from './progress.labels';
import { ProgressService } from './progress.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('progress')
@Controller('programs/:code')
@Roles('organizer')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get('progress')
  @ApiOperation({ summary: 'Plan vs actual: every target with actual, ratio and status; roll-ups by unit and series' })
  json(@Param('code') code: string) {
    return this.progress.programProgress(code);
  }

  @Get('progress.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      'Progress of every target (and period) as CSV: UTF-8 with BOM, a title line, Chinese unless Accept-Language: en',
  })
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
  @ApiProduces(XLSX)
  @ApiOperation({
    summary: 'Progress as an Excel workbook: targets with their periods, by lead unit, by series (Chinese unless en)',
  })
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
