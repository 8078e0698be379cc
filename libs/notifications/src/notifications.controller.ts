import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiIdParam, ErrorResponse, ParseIdPipe } from '@app/core';
import { Audit, Roles } from '@app/identity';
import { NotificationListQuery } from './notifications.dto';
import { NotificationPageResponse, NotificationResponse } from './notifications.responses';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
@Roles('admin')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Outbox rows, newest first, filtered by status, type and registration (admin)' })
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiErrors(400)
  list(@Query() query: NotificationListQuery) {
    return this.notifications.list(
      { status: query.status, type: query.type, registrationId: query.registrationId },
      query.page,
      query.pageSize,
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One outbox row (admin)' })
  @ApiIdParam()
  @ApiOkResponse({ type: NotificationResponse })
  @ApiErrors(400, 404)
  get(@Param('id', ParseIdPipe) id: number) {
    return this.notifications.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Audit('notification.retry', 'notification')
  @ApiOperation({ summary: 'Send a failed notification again, attempts reset (admin)' })
  @ApiIdParam()
  @ApiOkResponse({ type: NotificationResponse })
  @ApiErrors(400, 404)
  @ApiConflictResponse({ type: ErrorResponse, description: 'Already sent; `sentAt` says when' })
  retry(@Param('id', ParseIdPipe) id: number) {
    return this.notifications.retry(id);
  }
}
