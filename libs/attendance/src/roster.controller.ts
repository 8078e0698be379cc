import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { ApiAcceptLanguage, ApiErrors, ApiFileResponse, ApiIdParam, ParseIdPipe } from '@app/core';
import { AuthUser, CurrentUser, Roles } from '@app/identity';
import { RegistrationListQuery, RosterPageResponse } from '@app/registration';
import { RosterService } from './roster.service';

export class RosterQuery extends RegistrationListQuery {
  @ApiPropertyOptional({ description: 'true: only checked-in registrations; false: only those not checked in' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  checkedIn?: boolean;
}

@ApiTags('attendance')
@Controller()
export class RosterController {
  constructor(private readonly roster: RosterService) {}

  @Get('sessions/:id/roster')
  @Roles('organizer')
  @ApiOperation({
    summary: '报名管理: registrations with check-in time; filter status, category, checkedIn; search q',
  })
  @ApiIdParam()
  @ApiOkResponse({ type: RosterPageResponse })
  @ApiErrors(400, 404)
  page(@Param('id', ParseIdPipe) id: number, @Query() q: RosterQuery, @CurrentUser() user: AuthUser) {
    return this.roster.page(user, id, q);
  }

  @Get('sessions/:id/registrations.xlsx')
  @Roles('organizer')
  @ApiOperation({ summary: '签到表: one row per registration; phone and ID masked unless the caller may see them' })
  @ApiIdParam()
  @ApiAcceptLanguage()
  @ApiFileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'An attachment (签到表)')
  @ApiErrors(400, 404)
  async xlsx(
    @Param('id', ParseIdPipe) id: number,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<Buffer> {
    const lang = /^en\b/i.test(acceptLanguage ?? '') ? 'en' : 'zh-CN';
    const { file, name } = await this.roster.xlsx(user, id, lang);
    reply.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('Content-Disposition', `attachment; filename="${name}"`);
    reply.header('Cache-Control', 'no-store');
    return file;
  }
}
