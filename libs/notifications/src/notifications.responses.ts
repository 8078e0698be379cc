import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@app/core';
import { NOTIFICATION_STATUSES, NOTIFICATION_TYPES } from './notification.types';

/** An outbox row as the admin routes show it (NotificationView). */
export class NotificationResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() recipient!: string;
  @ApiProperty() recipientName!: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type!: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) messageId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) registrationId!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) sessionId!: number | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const NotificationPageResponse = PageOf(NotificationResponse);
