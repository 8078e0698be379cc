import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponse } from '@app/core';

/**
 * The API's OpenAPI document. It depends only on the code, never on the configuration, so
 * `npm run api:generate` writes the same file on every machine.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('泉州人才活动平台 API')
    .setDescription(
      'Plans, activities, sessions, registrations, check-in, outcomes and progress. ' +
        'Messages are in Chinese unless `Accept-Language` asks for English; times are ISO 8601 instants.',
    )
    .setVersion('0.1.0')
    .setLicense('UNLICENSED', 'https://spdx.org/licenses/')
    .addServer('/', 'This API, on the origin that serves the document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    // every message (errors included) is in Chinese unless the caller asks for English
    .addGlobalParameters({
      in: 'header',
      name: 'accept-language',
      required: false,
      description: 'Accept-Language: zh-CN (default) or en',
      schema: { type: 'string', example: 'zh-CN' },
    })
    .addGlobalResponse({ status: 'default', description: 'Any other error, in the error shape', type: ErrorResponse })
    .build();
  const doc = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponse] });
  // anonymous or signed in; routes that need a role say so with their own `security`
  doc.security = [{ bearer: [] }, {}];
  return doc;
}
