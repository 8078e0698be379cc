import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig, unauthorized } from '@app/core';
import { UserEntity } from '../entities';
import { AccessTokenClaims } from './auth-user';

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Short-lived HS256 access tokens. Only HS256 is accepted, so `alg: none` and key confusion fail. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Signs a token for `user`; it carries the user's token version so a password change ends it. */
  async issue(user: Pick<UserEntity, 'id' | 'email' | 'role' | 'tokenVersion'>): Promise<IssuedToken> {
    const claims: Omit<AccessTokenClaims, 'iat' | 'exp'> = {
      sub: String(user.id),
      email: user.email,
      role: user.role,
      ver: Number(user.tokenVersion),
      jti: randomUUID(),
    };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.jwtSecret,
      algorithm: 'HS256',
      expiresIn: this.config.jwtTtlSeconds,
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtTtlSeconds };
  }

  /** Verifies signature, expiry and claim shapes; anything wrong is a 401. */
  async verify(token: string): Promise<AccessTokenClaims & { userId: number }> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        secret: this.config.jwtSecret,
        algorithms: ['HS256'],
      });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw unauthorized(expired ? 'Token expired' : 'Invalid token').as(expired ? 'token_expired' : 'token_invalid');
    }
    if (typeof claims.sub !== 'string' || !/^[1-9]\d{0,15}$/.test(claims.sub) || !Number.isInteger(claims.ver)) {
      throw unauthorized('Invalid token').as('token_invalid');
    }
    return { ...claims, userId: Number(claims.sub) };
  }
}
