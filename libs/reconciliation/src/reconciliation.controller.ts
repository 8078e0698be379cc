import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@app/identity';
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
  run(@CurrentUser() user: AuthUser): Promise<ReconciliationResult> {
    return this.reconciliation.run('api', { id: user.id, email: user.email });
  }
}
