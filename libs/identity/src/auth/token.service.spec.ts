import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@app/core';
import { TokenService } from './token.service';

const config = { jwtSecret: 'unit-test-secret-that-is-long-enough-0123', jwtTtlSeconds: 900 } as AppConfig;
const user = { id: 12, email: 'org@test.example', role: 'organizer' as const, tokenVersion: 3 };

describe(TokenService.name, () => {
  const jwt = new JwtService();
  const sut = new TokenService(jwt, config);
  const status = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { statusCode?: number; message: string }) => `${e.statusCode} ${e.message}`,
    );

  it('issues a token that verifies, with sub, role, version, a unique jti and the configured lifetime', async () => {
    const first = await sut.issue(user);
    const second = await sut.issue(user);
    expect(first).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const claims = await sut.verify(first.accessToken);
    expect(claims).toMatchObject({ sub: '12', userId: 12, role: 'organizer', ver: 3, email: user.email });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(claims.jti).not.toBe((await sut.verify(second.accessToken)).jti);
  });

  it('401 for expired, foreign and shapeless tokens', async () => {
    const past = Math.floor(Date.now() / 1000) - 10;
    const expired = jwt.sign({ sub: '12', ver: 3, exp: past }, { secret: config.jwtSecret });
    expect(await status(sut.verify(expired))).toBe('401 Token expired');
    const foreign = jwt.sign({ sub: '12', ver: 3 }, { secret: 'someone-else-entirely-0123456789-abcdef' });
    expect(await status(sut.verify(foreign))).toBe('401 Invalid token');
    const noVersion = jwt.sign({ sub: '12' }, { secret: config.jwtSecret });
    expect(await status(sut.verify(noVersion))).toBe('401 Invalid token');
    const badSub = jwt.sign({ sub: 'admin', ver: 0 }, { secret: config.jwtSecret });
    expect(await status(sut.verify(badSub))).toBe('401 Invalid token');
  });
});
