import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseConfig } from '../config/app-config';
import { buildDataSourceOptions, SchemaParts } from './data-source';
import { TransactionService } from './transaction.service';
import { IdempotencyService } from '../idempotency/idempotency.service';

/** Connects TypeORM (MySQL or SQLite) and provides the one transaction helper. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(db: DatabaseConfig, parts: SchemaParts): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...buildDataSourceOptions(db, parts), autoLoadEntities: false })],
      providers: [TransactionService, IdempotencyService],
      exports: [TransactionService, IdempotencyService],
    };
  }
}
