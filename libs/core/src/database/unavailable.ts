import { HttpException, HttpStatus } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { classifyUnavailable, Dependency, Unavailable } from './errors';

/** The stable code of every "try again later" answer. */
export const SERVICE_UNAVAILABLE = 'service_unavailable';

const MESSAGES: Record<'zh' | 'en', Record<Dependency, string>> = {
  zh: {
    database: '数据库暂时不可用，请稍后重试',
    redis: '队列服务暂时不可用，请稍后重试',
  },
  en: {
    database: 'The database is temporarily unavailable; please try again later',
    redis: 'The queue service is temporarily unavailable; please try again later',
  },
};

/** zh-CN unless the client prefers English. */
const language = (acceptLanguage?: string): 'zh' | 'en' => (/^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'zh');

/** A 503 in the contract's error shape: `code: service_unavailable`, details naming the dependency. */
export function serviceUnavailable(unavailable: Unavailable, acceptLanguage?: string): AppError {
  return new AppError(
    HttpStatus.SERVICE_UNAVAILABLE,
    MESSAGES[language(acceptLanguage)][unavailable.dependency],
    [{ field: unavailable.dependency, reason: unavailable.reason }],
    { code: SERVICE_UNAVAILABLE },
  );
}

/**
 * The 503 for an error that means a dependency is down, or undefined for any other error.
 * Errors the application already answers (AppError, HttpException) are left as they are.
 */
export function asServiceUnavailable(error: unknown, acceptLanguage?: string): AppError | undefined {
  if (error instanceof AppError || error instanceof HttpException) return undefined;
  const unavailable = classifyUnavailable(error);
  return unavailable ? serviceUnavailable(unavailable, acceptLanguage) : undefined;
}
