import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule, DatabaseModule, loggerParams } from '@app/core';
import { NotificationsModule, NotificationsWorkerModule } from '@app/notifications';
import { BulletinsWorkerModule } from '@app/bulletins';
import { SCHEMA } from '@app/schema';
import { ReconciliationWorkerModule } from '@app/reconciliation';
import { TestClock } from './test-clock';

/**
 * The worker process: BullMQ consumers — notification delivery, and the bulletin schedule
 * (a job scheduler whose jobs issue the bulletins that are due, writing their mails to the
 * outbox), and the daily reconciliation of counters. It never migrates (the API does); several worker processes may run against one Redis
 * and one database.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config, { httpRequests: false })),
        DatabaseModule.forRoot(config.database, SCHEMA),
        // the outbox the bulletins write their mails to (its relay hands them to the queue at once)
        NotificationsModule.forRoot(config),
        NotificationsWorkerModule.forRoot(),
        ReconciliationWorkerModule,
        BulletinsWorkerModule,
      ],
      providers: [TestClock],
    };
  }
}
