import { DynamicModule, Module, Provider } from '@nestjs/common';
import { AppConfig } from '@app/core';
import { IdentityModule } from '@app/identity';
import { MailTransport } from './mail.transport';
import { NotificationDelivery } from './notification.delivery';
import { NotificationProcessor } from './notification.processor';
import { NotificationQueue } from './notification.queue';
import { NotificationRepository } from './notification.repository';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { QueueDashboard } from './queue-dashboard';
import { NotificationRelay } from './relay.service';

export interface NotificationsModuleOptions {
  /** the app's health token (apps/api QUEUE_HEALTH): provided as `{ state() }` when REDIS_URL is set */
  queueHealthToken?: string | symbol;
}

/**
 * The API side: the outbox (NotificationsService, global so any module can write to it in its
 * transactions), the relay, the admin API and, with REDIS_URL, the BullMQ producer and its dashboard.
 */
@Module({})
export class NotificationsModule {
  static forRoot(config: AppConfig, options: NotificationsModuleOptions = {}): DynamicModule {
    const queued = Boolean(config.redisUrl);
    const health: Provider[] =
      queued && options.queueHealthToken ? [{ provide: options.queueHealthToken, useExisting: NotificationQueue }] : [];
    return {
      module: NotificationsModule,
      global: true,
      // the queue dashboard checks administrators' passwords with identity's AuthService
      imports: queued ? [IdentityModule] : [],
      controllers: [NotificationsController],
      providers: [
        NotificationRepository,
        MailTransport,
        NotificationDelivery,
        NotificationRelay,
        NotificationsService,
        ...(queued ? [NotificationQueue, QueueDashboard] : []),
        ...health,
      ],
      exports: [NotificationsService, ...health.map((p) => (p as { provide: string | symbol }).provide)],
    };
  }
}

/** The worker side: consumes the `notifications` queue and delivers over the same code path. */
@Module({})
export class NotificationsWorkerModule {
  static forRoot(): DynamicModule {
    return {
      module: NotificationsWorkerModule,
      providers: [NotificationRepository, MailTransport, NotificationDelivery, NotificationProcessor],
    };
  }
}
