import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConfigModule, DatabaseModule, loadConfig, runMigrations, withStartupLock } from '@app/core';
import { ReconciliationCoreModule, ReconciliationService } from '@app/reconciliation';
import { SCHEMA } from '@app/schema';

/**
 * `npm run reconcile`: recounts every counter and tally from the rows of the configured
 * database, repairs drift (each repair in the audit log) and prints what it did.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  @Module({
    imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(config.database, SCHEMA), ReconciliationCoreModule],
  })
  class ReconcileModule {}
  const app = await NestFactory.createApplicationContext(ReconcileModule, { logger: ['error', 'warn'] });
  try {
    const db = app.get<DataSource>(getDataSourceToken());
    await withStartupLock(db, () => runMigrations(db));
    const result = await app.get(ReconciliationService).run('cli');
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
