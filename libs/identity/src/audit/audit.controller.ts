import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/core';
import { AuditEntryPageResponse } from '../identity.responses';
import { Roles } from '../auth/roles.decorator';
import { AuditQuery } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('identity')
@Controller('audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Audit log of staff writes, newest first (admin)' })
  @ApiOkResponse({ type: AuditEntryPageResponse })
  @ApiErrors(400)
  list(@Query() q: AuditQuery) {
    const filter = {
      actorId: q.actorId,
      action: q.action,
      entity: q.entity,
      entityId: q.entityId,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    };
    return this.audit.list(filter, q.page, q.pageSize);
  }
}
