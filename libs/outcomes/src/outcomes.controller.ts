import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { ApiErrors, ApiIdempotencyKey, ApiIdParam, invalidField, ParseIdPipe } from '@app/core';
import { Audit, AuthUser, CurrentUser, Roles } from '@app/identity';
import { OutcomeImportService } from './import/outcome-import.service';
import { CreateOutcomeDto, OutcomeListQuery, UpdateOutcomeDto } from './outcome.dto';
import { ImportResultResponse, OutcomePageResponse, OutcomeResponse } from './outcome.responses';
import { OutcomesService } from './outcomes.service';

@ApiTags('outcomes')
@Controller()
export class OutcomesController {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly imports: OutcomeImportService,
  ) {}

  @Post('activities/:id/outcomes')
  @Roles('organizer')
  @Audit('outcome.create', 'outcome')
  @ApiOperation({ summary: 'Record an outcome (cooperation intent, agreement, award …); Idempotency-Key optional' })
  @ApiIdParam()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: OutcomeResponse })
  @ApiErrors(400, 404, 422)
  create(
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CreateOutcomeDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    return this.outcomes.create(user, id, body, idempotencyKey);
  }

  @Get('activities/:id/outcomes')
  @ApiOperation({ summary: 'Outcomes of an activity, filtered by type and status; names masked for the public' })
  @ApiIdParam()
  @ApiOkResponse({ type: OutcomePageResponse })
  @ApiErrors(400, 404)
  list(@Param('id', ParseIdPipe) id: number, @Query() q: OutcomeListQuery, @CurrentUser() user?: AuthUser) {
    return this.outcomes.list(user, id, q);
  }

  @Patch('outcomes/:id')
  @Roles('organizer')
  @Audit('outcome.update', 'outcome')
  @ApiOperation({ summary: 'Sign or cancel an outcome, or correct its title, date or details' })
  @ApiIdParam()
  @ApiOkResponse({ type: OutcomeResponse })
  @ApiErrors(400, 404, 422)
  update(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateOutcomeDto, @CurrentUser() user: AuthUser) {
    return this.outcomes.update(user, id, body);
  }

  @Post('activities/:id/outcomes/import')
  @Roles('organizer')
  @Audit('outcome.import', 'activity')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary: 'Import apprenticeship agreements (CSV or XLSX): good rows imported, bad rows reported by row number',
  })
  @ApiIdParam()
  @ApiCreatedResponse({ type: ImportResultResponse })
  @ApiErrors(400, 404, 413, 422)
  import(@Param('id', ParseIdPipe) id: number, @Req() req: FastifyRequest, @CurrentUser() user: AuthUser) {
    return this.imports.importAgreements(user, id, () => uploadedFile(req));
  }
}

const NO_FILE = 'is required (multipart/form-data, field "file")';

async function uploadedFile(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw invalidField('file', NO_FILE);
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw invalidField('file', NO_FILE);
  return part.toBuffer();
}
