import { RateLimitStore } from './rate-limit.store';
import { RateLimiter } from './rate-limiter.service';

describe(RateLimiter.name, () => {
  it('keeps limiting per process when the shared store fails', async () => {
    const down: RateLimitStore = {
      take: jest.fn().mockRejectedValue(new Error('connect ECONNREFUSED')),
      reset: jest.fn().mockRejectedValue(new Error('connect ECONNREFUSED')),
      release: jest.fn().mockRejectedValue(new Error('connect ECONNREFUSED')),
      peek: jest.fn().mockRejectedValue(new Error('connect ECONNREFUSED')),
      resetPrefix: jest.fn().mockRejectedValue(new Error('connect ECONNREFUSED')),
      close: jest.fn().mockResolvedValue(undefined),
    };
    const sut = new RateLimiter(down);
    jest.spyOn(sut['logger'], 'warn').mockImplementation(() => undefined);
    const rule = [{ key: 'login:ip:1.2.3.4', limit: 2 }];
    expect(await sut.take(rule, 60)).toEqual({ allowed: true });
    expect(await sut.take(rule, 60)).toEqual({ allowed: true });
    expect(await sut.take(rule, 60)).toMatchObject({ allowed: false });
    await sut.reset('login:ip:1.2.3.4');
    expect(await sut.take(rule, 60)).toEqual({ allowed: true });
  });
});
