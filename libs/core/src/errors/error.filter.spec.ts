import { HttpException, NotFoundException } from '@nestjs/common';
import { conflict, invalidField, notFound, unprocessable } from './app-error';
import { ErrorFilter } from './error.filter';

describe('ErrorFilter.toBody', () => {
  const filter = new ErrorFilter();

  it('gives the helpers their default codes and keeps their English for English callers', () => {
    expect(filter.toBody(invalidField('name', 'must be a positive integer'), 'en')).toEqual({
      statusCode: 400,
      code: 'validation_failed',
      error: 'Bad Request',
      message: 'name: must be a positive integer',
      details: [{ field: 'name', reason: 'must be a positive integer' }],
    });
    expect(filter.toBody(conflict('Outcome already recorded'), 'en')).toMatchObject({
      code: 'conflict',
      message: 'Outcome already recorded',
    });
    expect(filter.toBody(conflict('Outcome already recorded'), 'zh-CN')).toMatchObject({
      code: 'conflict',
      message: '与现有数据冲突',
    });
    expect(filter.toBody(notFound('Session', 7), 'zh-CN')).toMatchObject({
      code: 'not_found',
      message: '场次 7 不存在',
    });
  });

  it('renders a specific code with its params, times in Beijing time', () => {
    const closed = unprocessable('closed').as('registration_window_closed', {
      opensAt: new Date('2026-12-01T01:00:00Z'),
      closesAt: new Date('2026-12-05T09:30:00Z'),
    });
    expect(filter.toBody(closed, 'en').message).toBe(
      'Registration window is closed (open 2026-12-01 09:00 – 2026-12-05 17:30, Beijing time)',
    );
  });

  it('maps Nest and Fastify errors and hides what is a bug', () => {
    expect(
      filter.toBody(new NotFoundException('Cannot GET /api/x'), 'zh-CN', { method: 'GET', url: '/api/x?a=1' }),
    ).toMatchObject({
      statusCode: 404,
      code: 'route_not_found',
      message: '接口 GET /api/x 不存在',
    });
    expect(filter.toBody(new HttpException({ message: 'slow down', retryAfter: 3 }, 429), 'en')).toMatchObject({
      code: 'too_many_requests',
      message: 'slow down',
    });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(filter.toBody(new TypeError('x is undefined'), 'en')).toEqual({
      statusCode: 500,
      code: 'internal_error',
      error: 'Internal Server Error',
      message: 'Internal server error',
    });
  });
});
