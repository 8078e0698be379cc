import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig, unauthorized } from '@app/core';
import { RateLimiter } from '../throttle/rate-limiter.service';
import { tooManyRequests } from '../throttle/too-many-requests';
import { hashPassword, verifyPassword } from '../users/password-policy';
import { UsersService } from '../users/users.service';
import { IssuedToken, TokenService } from './token.service';

/** Per-IP budget is this many times the per-account one: an office behind one NAT shares an address. */
export const LOGIN_IP_FACTOR = 4;

/** Password login with failure throttling per account and per client IP. */
@Injectable()
export class AuthService {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Exchanges email and password for an access token.
   *
   * Every attempt first reserves a place in both failure budgets (atomically, across processes
   * when Redis is configured), so concurrent guesses cannot overshoot the limit; a success
   * clears the account's budget and gives the IP's place back. Unknown accounts, wrong
   * passwords and disabled accounts answer the same 401 after the same amount of hashing work.
   */
  async login(email: string, password: string, ip: string): Promise<IssuedToken> {
    const normalized = email.trim().toLowerCase();
    const accountKey = `login:account:${createHash('sha256').update(normalized).digest('hex').slice(0, 32)}`;
    const ipKey = `login:ip:${ip}`;
    const limit = this.config.throttleLoginFailures;
    const decision = await this.limiter.take(
      [
        { key: accountKey, limit },
        { key: ipKey, limit: limit * LOGIN_IP_FACTOR },
      ],
      this.config.throttleLoginWindowSeconds,
    );
    if (!decision.allowed) {
      throw tooManyRequests('Too many failed logins; try again later', decision.retryAfterMs / 1000);
    }

    const user = await this.users.findByEmail(normalized);
    const matches = await verifyPassword(user?.passwordHash ?? (await this.unknownUserHash()), password);
    if (!user || !matches || user.disabled) throw unauthorized('Invalid email or password');

    await Promise.all([this.limiter.reset(accountKey), this.limiter.release(ipKey)]);
    return this.tokens.issue(user);
  }

  // verifying against a real hash keeps the timing of "no such user" like that of "wrong password"
  private unknownUserHash(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(24).toString('base64'));
    return this.dummyHash;
  }
}
