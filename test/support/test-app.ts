import { NestFastifyApplication } from '@nestjs/platform-fastify';
import supertest from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { join } from 'node:path';
import { repoRoot } from './repo-root';
import { AppConfig, loadConfig } from '@app/core';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createOpenApiDocument } from '../../apps/api/src/openapi';
import { OpenApiValidator } from './openapi-validator';
import { createTestDatabase, DbKind, TestDatabase } from './test-db';

export const ADMIN = { email: 'admin@test.example', password: 'correct-horse-battery-9' };

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  config: AppConfig;
  db: TestDatabase;
  close(): Promise<void>;
}

/** Environment every test app starts from: quiet logs, the repo's plan files, a known admin. */
export function testEnv(db: TestDatabase, extra: Record<string, string | undefined> = {}) {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: db.dataDir,
    DATABASE_URL: db.url,
    CONFIG_DIR: join(repoRoot(), 'config'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    THROTTLE_PUBLIC_PER_MINUTE: '100000',
    ...extra,
  };
}

/** An API on a fresh database of the given kind, migrated and with both plans imported. */
export async function startTestApp(
  kind: DbKind,
  extra: Record<string, string | undefined> = {},
  existing?: TestDatabase,
): Promise<TestApp> {
  const db = existing ?? (await createTestDatabase(kind));
  const config = loadConfig(testEnv(db, extra));
  const app = await createApiApp(config);
  // every response the suites receive is checked against the OpenAPI document
  const openapi = new OpenApiValidator(createOpenApiDocument(app));
  return {
    app,
    http: openapi.wrap(supertest(app.getHttpServer())),
    config,
    db,
    close: async () => {
      process.stdout.write(`OpenAPI: ${openapi.checked} responses validated against the document\n`);
      await app.close();
      if (!existing) await db.drop();
    },
  };
}
