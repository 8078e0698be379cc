import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule, DatabaseModule, loggerParams } from '@app/core';
import { NotificationsWorkerModule } from '@app/notifications';
import { SCHEMA } from '@app/schema';
import { ReconciliationWorkerModule } from '@app/reconciliation';

/**
 * The worker process: BullMQ consumers only (notifications; the daily reconciliation). It never migrates (the API does) and never relays
 * the outbox; several worker processes may run against one Redis and one database.
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
        NotificationsWorkerModule.forRoot(),
        ReconciliationWorkerModule,
      ],
    };
  }
}
