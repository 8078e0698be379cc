export * from './notification.types';
export { NotificationEntity } from './notification.entity';
export { NotificationsModule, NotificationsWorkerModule } from './notifications.module';
export type { NotificationsModuleOptions } from './notifications.module';
export { NotificationsService } from './notifications.service';
export type { NotificationView } from './notifications.service';
export { NotificationRelay } from './relay.service';
export { NOTIFICATIONS_QUEUE, notificationJobId } from './notification.queue';
export type { NotificationJobData } from './notification.queue';
export { notificationMessageId, mailDomain, pooledSmtp } from './mail.transport';
export { QUEUE_DASHBOARD_PATH } from './queue-dashboard';
export { renderNotification } from './templates/render';
export { qrCodePng, qrCodeSvg, qrScaleFor } from './templates/qr-png';
export { NotificationsSchema1764000002000 } from './migrations/1764000002000-notifications-schema';

import { NotificationEntity } from './notification.entity';
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const NOTIFICATION_ENTITIES: Function[] = [NotificationEntity];
export * from './templates/bulletin.types';
export { bulletinXlsx, bulletinXlsxName } from './templates/bulletin.xlsx';
export { summaryLine, periodText as bulletinPeriodText } from './templates/bulletin.text';
export * from './notifications.responses';
