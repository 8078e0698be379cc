import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig, createValidationPipe, installBodyGuard, installHttpSemantics } from '@app/core';
import { AppModule } from './app.module';
import { HTTP_ROUTES } from './http-routes';
import { serveWebApp } from './web-app';
import { createOpenApiDocument } from './openapi';

/** Builds the API application; `main.ts` listens, tests use it as it is. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // X-Forwarded-For is believed only from these proxies: per-IP throttling depends on it
    trustProxy: config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
    // one id per request across processes: the caller's X-Request-Id, else a UUID (logs and audit)
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    // the body parsers are ours (installBodyGuard): JSON only, depth- and character-checked
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  // JSON only, bounded in depth and characters; Location, ETag and Cache-Control on the way out
  const fastify = app.getHttpAdapter().getInstance();
  installBodyGuard(fastify);
  installHttpSemantics(fastify, HTTP_ROUTES);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app));
  // the web app (apps/web, built to dist/web) at `/`, when it has been built
  await serveWebApp(app);

  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
