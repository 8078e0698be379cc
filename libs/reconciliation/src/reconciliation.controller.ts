import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/core';
import { AuthUser, CurrentUser, Roles } from '@app/identity';
import { ReconciliationResultResponse } from './reconciliation.responses';
import { ReconciliationResult, ReconciliationService } from './reconciliation.service';

@ApiTags('reconciliation')
@Controller('reconciliation')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Post('runs')
  @HttpCode(201)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Recount every counter and tally from the rows now and repair drift (admin)' })
  @ApiCreatedResponse({ type: ReconciliationResultResponse })
  @ApiErrors(401, 403)
  run(@CurrentUser() user: AuthUser): Promise<ReconciliationResult> {
    return this.reconciliation.run('api', { id: user.id, email: user.email });
  }
}
