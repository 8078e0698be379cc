import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { CatalogModule } from '@app/catalog';
import { AccessService } from './access/access.service';
import { AuditController } from './audit/audit.controller';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { TokenService } from './auth/token.service';
import { RefreshTokenService } from './auth/refresh-token.service';
import { SignInService } from './auth/sign-in.service';
import { IdentityBootstrap } from './identity.bootstrap';
import { PublicWriteGuard } from './throttle/public-write.guard';
import { RateLimiter, rateLimitStoreProvider } from './throttle/rate-limiter.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/**
 * Accounts, tokens, unit scope, throttling and the audit log. Its guards and interceptor are
 * global: importing the module once (in the app) protects every route.
 */
@Module({
  // secret and lifetime are passed per call from AppConfig
  imports: [CatalogModule, JwtModule.register({})],
  controllers: [AuthController, UsersController, AuditController],
  providers: [
    UsersService,
    TokenService,
    AuthService,
    RefreshTokenService,
    SignInService,
    AccessService,
    AuditService,
    IdentityBootstrap,
    rateLimitStoreProvider,
    RateLimiter,
    // order matters: the cheap per-IP budget is spent before a token costs a database read
    { provide: APP_GUARD, useClass: PublicWriteGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AccessService, AuthService, AuditService, IdentityBootstrap, RateLimiter, UsersService],
})
export class IdentityModule {}
