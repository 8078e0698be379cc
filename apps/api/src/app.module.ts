import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule, DatabaseModule, ErrorFilter, loggerParams } from '@app/core';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { RegistrationModule } from '@app/registration';
import { NotificationsModule } from '@app/notifications';
import { AttendanceModule } from '@app/attendance';
import { OutcomesModule } from '@app/outcomes';
import { MatchmakingModule } from '@app/matchmaking';
import { ProgressModule } from '@app/progress';
import { ReconciliationModule } from '@app/reconciliation';
import { BulletinsModule } from '@app/bulletins';
import { HealthController } from './health.controller';
import { QUEUE_HEALTH } from './queue-health';
import { SCHEMA } from '@app/schema';
import { StartupService } from './startup.service';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config, { httpRequests: true })),
        DatabaseModule.forRoot(config.database, SCHEMA),
        CatalogModule,
        IdentityModule,
        RegistrationModule,
        NotificationsModule.forRoot(config, { queueHealthToken: QUEUE_HEALTH }),
        AttendanceModule,
        OutcomesModule,
        MatchmakingModule,
        ProgressModule,
        ReconciliationModule,
        BulletinsModule,
      ],
      controllers: [HealthController],
      providers: [StartupService, { provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
