import { Role } from '../entities/user.entity';

/** The signed-in user as loaded for this request (never from the token alone). */
export interface AuthUser {
  id: number;
  email: string;
  role: Role;
  unitIds: number[];
  sessionIds: number[];
}

/** What the guard reads from and writes to the request (Fastify's or Node's, both fit). */
export interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthUser;
}

/** Claims of an access token. `sub` is the user id; `ver` the user's token version. */
export interface AccessTokenClaims {
  sub: string;
  email: string;
  role: Role;
  ver: number;
  jti: string;
  iat?: number;
  exp?: number;
}
