import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig, unauthorized } from '@app/core';
import { UserEntity } from '../entities';
import { RateLimiter } from '../throttle/rate-limiter.service';
import { tooManyRequests } from '../throttle/too-many-requests';
import { hashPassword, verifyPassword } from '../users/password-policy';
import { UsersService } from '../users/users.service';
import { IssuedToken, TokenService } from './token.service';

/** Per-IP budget is this many times the per-account one: an office behind one NAT shares an address. */
export const LOGIN_IP_FACTOR = 4;
/**
 * Failures of one account from every client together, as a multiple of the per-(account, client)
 * limit, after which the account is slowed: one attempt per delay, the delay doubling per further
 * failure up to {@link LOGIN_MAX_DELAY_SECONDS}. It never locks the real user out for the window.
 */
export const LOGIN_ACCOUNT_FACTOR = 4;
export const LOGIN_MAX_DELAY_SECONDS = 60;

const accountHash = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
/** Keys of one account's failure counters; `login:pair:<account>:` prefixes every client's. */
const loginKeys = (email: string, ip = '') => {
  const account = accountHash(email);
  return {
    pair: `login:pair:${account}:${ip}`,
    pairs: `login:pair:${account}:`,
    account: `login:account:${account}`,
    slow: `login:slow:${account}`,
    ip: `login:ip:${ip}`,
  };
};

type LoginKeys = ReturnType<typeof loginKeys>;

/** 2 s after the first failure past the ceiling, doubling per further failure, at most a minute. */
const slowDownSeconds = (over: number): number => Math.min(2 ** Math.min(over, 16), LOGIN_MAX_DELAY_SECONDS);

/** Password login with failure throttling per (account, client), per client IP and a per-account slow-down. */
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
   * Every attempt first reserves a place in the (account, client) budget and the client's budget
   * (atomically, across processes when Redis is configured), so concurrent guesses cannot
   * overshoot; five bad passwords from one client therefore stop that client only. Failures of
   * the account from all clients together slow it down (see {@link LOGIN_ACCOUNT_FACTOR}) rather
   * than lock it. A success clears the account's counters and gives the client's place back.
   * Unknown accounts, wrong passwords and disabled accounts answer the same 401 after the same
   * amount of hashing work.
   */
  async login(email: string, password: string, ip: string): Promise<IssuedToken> {
    return this.tokens.issue(await this.authenticate(email, password, ip));
  }

  /**
   * The password check of {@link login}, throttled the same way, for callers that need the
   * account rather than a token (the queue dashboard's HTTP Basic).
   */
  async authenticate(email: string, password: string, ip: string): Promise<UserEntity> {
    const normalized = email.trim().toLowerCase();
    const keys = loginKeys(normalized, ip);
    const limit = this.config.throttleLoginFailures;
    const window = this.config.throttleLoginWindowSeconds;
    const decision = await this.limiter.take(
      [
        { key: keys.pair, limit },
        { key: keys.ip, limit: limit * LOGIN_IP_FACTOR },
      ],
      window,
    );
    if (!decision.allowed) {
      throw tooManyRequests('Too many failed logins; try again later', decision.retryAfterMs / 1000);
    }
    const ceiling = limit * LOGIN_ACCOUNT_FACTOR;
    const failures = await this.limiter.peek(keys.account);
    await this.passGate(keys, failures - ceiling);

    const user = await this.users.findByEmail(normalized);
    const matches = await verifyPassword(user?.passwordHash ?? (await this.unknownUserHash()), password);
    if (!user || !matches || user.disabled) {
      await this.limiter.take([{ key: keys.account, limit: Number.MAX_SAFE_INTEGER }], window);
      await this.closeGate(keys, failures + 1 - ceiling);
      throw unauthorized('Invalid email or password').as('invalid_credentials');
    }

    await Promise.all([
      this.limiter.reset(keys.pair),
      this.limiter.reset(keys.account),
      this.limiter.reset(keys.slow),
      this.limiter.release(keys.ip),
    ]);
    return user;
  }

  /** Forgets every failed-login counter of an account (an administrator's unlock). */
  async unlock(email: string): Promise<void> {
    const keys = loginKeys(email);
    await Promise.all([
      this.limiter.resetPrefix(keys.pairs),
      this.limiter.reset(keys.account),
      this.limiter.reset(keys.slow),
    ]);
  }

  /**
   * Past the account's ceiling, one attempt at a time gets through: after each further failure
   * the account waits 2 s, 4 s, 8 s … (at most a minute) from the end of that failure. Attempts
   * inside the wait answer 429 with the short wait and are not counted against the client.
   */
  private async passGate(keys: LoginKeys, over: number): Promise<void> {
    if (over <= 0) return;
    const gate = await this.limiter.take([{ key: keys.slow, limit: 1 }], slowDownSeconds(over));
    if (gate.allowed) return;
    await Promise.all([this.limiter.release(keys.pair), this.limiter.release(keys.ip)]);
    throw tooManyRequests('Too many failed logins for this account; try again shortly', gate.retryAfterMs / 1000);
  }

  /** Starts the wait after a failure past the ceiling (the wait runs from now, not from the attempt's start). */
  private async closeGate(keys: LoginKeys, over: number): Promise<void> {
    if (over <= 0) return;
    await this.limiter.reset(keys.slow);
    await this.limiter.take([{ key: keys.slow, limit: 1 }], slowDownSeconds(over));
  }

  // verifying against a real hash keeps the timing of "no such user" like that of "wrong password"
  private unknownUserHash(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(24).toString('base64'));
    return this.dummyHash;
  }
}
