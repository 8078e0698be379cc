import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig, ConfigModule, DatabaseModule } from '@app/core';
import { SCHEMA } from '../../api/src/schema';

/** Holds the worker's Redis connection so a missing Redis is reported at start, not at the first job. */
@Injectable()
class RedisProbe implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private redis?: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) {
      this.logger.warn('REDIS_URL is not set: nothing to consume (the API delivers in-process)');
      return;
    }
    this.redis = new Redis(this.config.redisUrl, { maxRetriesPerRequest: null });
    await this.redis.ping();
    this.logger.log('connected to Redis');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit();
  }
}

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { level: config.logLevel } }),
        DatabaseModule.forRoot(config.database, SCHEMA),
      ],
      providers: [RedisProbe],
    };
  }
}
