import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '@app/core';
import { Audit, Roles } from '@app/identity';
import { NotificationListQuery } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
@Roles('admin')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Outbox rows, newest first, filtered by status, type and registration (admin)' })
  list(@Query() query: NotificationListQuery) {
    return this.notifications.list(
      { status: query.status, type: query.type, registrationId: query.registrationId },
      query.page,
      query.pageSize,
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One outbox row (admin)' })
  get(@Param('id', ParseIdPipe) id: number) {
    return this.notifications.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Audit('notification.retry', 'notification')
  @ApiOperation({ summary: 'Send a failed notification again, attempts reset (admin)' })
  @ApiConflictResponse({ description: 'Already sent' })
  retry(@Param('id', ParseIdPipe) id: number) {
    return this.notifications.retry(id);
  }
}
