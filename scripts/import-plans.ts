import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { resolve } from 'node:path';
import { ConfigModule, DatabaseModule, loadConfig, runMigrations, withStartupLock } from '@app/core';
import { CatalogModule, PlanImporter } from '@app/catalog';
import { SCHEMA } from '@app/schema';

/**
 * `npm run plans:import -- [file.yaml ...]`: validates and imports plan files into the
 * configured database (all of config/ when no file is given). Exit code 1 on invalid files.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(config.database, SCHEMA), CatalogModule] })
  class ImportModule {}
  const app = await NestFactory.createApplicationContext(ImportModule, { logger: ['error', 'warn'] });
  try {
    const db = app.get<DataSource>(getDataSourceToken());
    await runMigrations(db);
    const importer = app.get(PlanImporter);
    const files = process.argv.slice(2);
    await withStartupLock(db, async () => {
      if (files.length === 0) {
        console.log(await importer.importDirectory(config.configDir));
      }
      for (const file of files) console.log(await importer.importFile(resolve(file), config.configDir));
    });
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
