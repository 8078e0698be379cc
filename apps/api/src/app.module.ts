import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AppConfig, ConfigModule, DatabaseModule, ErrorFilter } from '@app/core';
import { CatalogModule } from '@app/catalog';
import { HealthController } from './health.controller';
import { SCHEMA } from './schema';
import { StartupService } from './startup.service';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req) => (req.headers['x-request-id'] as string | undefined) ?? randomUUID(),
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        DatabaseModule.forRoot(config.database, SCHEMA),
        CatalogModule,
      ],
      controllers: [HealthController],
      providers: [StartupService, { provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
