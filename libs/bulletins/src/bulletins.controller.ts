import { Body, Controller, Get, Headers, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiAcceptLanguage, ApiErrors, ApiFileResponse, ApiIdParam, ParseIdPipe } from '@app/core';
import { Audit, AuthUser, CurrentUser, Roles } from '@app/identity';
import { exportLocale } from '@app/progress';
import { BulletinScheduleDto, IssueBulletinDto } from './bulletin.dto';
import { BulletinResponse, BulletinScheduleResponse, BulletinSummaryResponse } from './bulletin.responses';
import { BulletinsService } from './bulletins.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('bulletins')
@Controller()
export class BulletinsController {
  constructor(private readonly bulletins: BulletinsService) {}

  @Post('programs/:code/bulletins')
  @Roles('admin')
  @Audit('bulletin.issue', 'bulletin')
  @ApiOperation({
    summary:
      'Issue the program’s 通报 now: 201 with the new bulletin, or 200 with the existing one when the period already has one',
  })
  @ApiCreatedResponse({ type: BulletinResponse })
  @ApiOkResponse({ type: BulletinResponse, description: 'The period has a bulletin already' })
  @ApiErrors(400, 401, 403, 404, 422)
  async issue(
    @Param('code') code: string,
    @Body() body: IssueBulletinDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.bulletins.issue(code, {
      periodLabel: body.periodLabel,
      trigger: 'manual',
      actorId: user.id,
    });
    if (!result.created) reply.status(200);
    return result.bulletin;
  }

  @Get('programs/:code/bulletins')
  @Roles('organizer')
  @ApiOperation({ summary: 'The program’s bulletins, newest first' })
  @ApiOkResponse({ type: [BulletinSummaryResponse] })
  @ApiErrors(401, 403, 404)
  list(@Param('code') code: string) {
    return this.bulletins.list(code);
  }

  @Get('programs/:code/bulletin-schedule')
  @Roles('admin')
  @ApiOperation({
    summary: 'How often the program’s bulletins go out (default monthly, the 1st at 09:00 Beijing time)',
  })
  @ApiOkResponse({ type: BulletinScheduleResponse })
  @ApiErrors(401, 403, 404)
  schedule(@Param('code') code: string) {
    return this.bulletins.schedule(code);
  }

  @Put('programs/:code/bulletin-schedule')
  @Roles('admin')
  @Audit('bulletin_schedule.update', 'bulletin_schedule')
  @ApiOperation({ summary: 'Set the program’s bulletin frequency (monthly, quarterly, half_yearly) or pause it' })
  @ApiOkResponse({ type: BulletinScheduleResponse })
  @ApiErrors(400, 401, 403, 404)
  setSchedule(@Param('code') code: string, @Body() body: BulletinScheduleDto, @CurrentUser() user: AuthUser) {
    return this.bulletins.setSchedule(code, body, user.id);
  }

  @Get('bulletins/:id.xlsx')
  @Roles('organizer')
  @ApiOperation({ summary: 'A bulletin as an Excel workbook (Chinese unless Accept-Language: en)' })
  @ApiIdParam()
  @ApiAcceptLanguage()
  @ApiFileResponse(XLSX, 'An attachment, the bulletin as a workbook')
  @ApiErrors(400, 401, 403, 404)
  async xlsx(
    @Param('id', ParseIdPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<Buffer> {
    const { body, filename } = await this.bulletins.xlsx(id, exportLocale(acceptLanguage));
    reply.header('Content-Type', XLSX);
    reply.header('Content-Disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`);
    reply.header('Cache-Control', 'no-store');
    reply.header('Vary', 'Accept-Language');
    return body;
  }

  @Get('bulletins/:id')
  @Roles('organizer')
  @ApiOperation({
    summary: 'One bulletin: every target judged, changes, behind-schedule targets by unit, units not reported',
  })
  @ApiIdParam()
  @ApiOkResponse({ type: BulletinResponse })
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', ParseIdPipe) id: number) {
    return this.bulletins.get(id);
  }
}
