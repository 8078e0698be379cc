import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { REDACT_PATHS, serializeRequest } from './redaction';

/**
 * Logger settings both apps share: JSON lines for collectors, or pino-pretty's readable lines
 * when a person watches the terminal. Credentials never reach the log.
 */
export function loggerParams(config: AppConfig, options: { httpRequests: boolean }): Params {
  const pretty = process.stdout.isTTY === true;
  return {
    // a named wildcard: path-to-regexp 8 (Nest 11+) no longer reads a bare '*'
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      // tokens never reach the log: headers, query, bodies by path, the URL by the serializer
      redact: REDACT_PATHS,
      serializers: { req: serializeRequest },
      autoLogging: options.httpRequests ? { ignore: (req) => req.url === '/api/health' } : false,
      ...(pretty
        ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
        : {}),
    },
  };
}
