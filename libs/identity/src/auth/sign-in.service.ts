import { Injectable } from '@nestjs/common';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { RefreshTokenService } from './refresh-token.service';
import { IssuedToken, TokenService } from './token.service';

/** An access token with the refresh token that renews it. */
export interface SignInView extends IssuedToken {
  refreshToken: string;
  /** seconds until the refresh token (the sign-in) ends */
  refreshExpiresIn: number;
}

/**
 * Staff sign-ins that last a working day: the password login (throttled by {@link AuthService})
 * starts a refresh-token family; each refresh rotates it; logout ends it.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly users: UsersService,
  ) {}

  async login(email: string, password: string, ip: string): Promise<SignInView> {
    const issued = await this.auth.login(email, password, ip);
    const claims = await this.tokens.verify(issued.accessToken);
    const refreshToken = await this.refreshTokens.start({ id: claims.userId, tokenVersion: claims.ver });
    return { ...issued, refreshToken, refreshExpiresIn: await this.refreshTokens.secondsLeft(refreshToken) };
  }

  async refresh(token: string): Promise<SignInView> {
    const { userId, refreshToken } = await this.refreshTokens.rotate(token, (id) => this.users.findById(id));
    const user = (await this.users.findById(userId))!;
    const issued = await this.tokens.issue(user);
    return { ...issued, refreshToken, refreshExpiresIn: await this.refreshTokens.secondsLeft(refreshToken) };
  }

  logout(token: string): Promise<void> {
    return this.refreshTokens.revoke(token);
  }
}
