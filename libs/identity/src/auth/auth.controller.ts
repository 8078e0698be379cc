import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiErrors, ErrorResponse } from '@app/core';
import { MeResponse } from '../identity.responses';
import { PublicWrite } from '../throttle/public-write.decorator';
import { AuthUser } from './auth-user';
import { LoginDto, RefreshDto, SignInResponse } from './auth.dto';
import { SignInService } from './sign-in.service';
import { CurrentUser } from './current-user.decorator';
import { Roles } from './roles.decorator';

@ApiTags('identity')
@Controller()
export class AuthController {
  constructor(private readonly signIn: SignInService) {}

  @Post('auth/login')
  @PublicWrite()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange email and password for a short-lived bearer token' })
  @ApiOkResponse({ type: SignInResponse, description: 'an access token and the refresh token that renews it' })
  @ApiErrors(400)
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'Wrong email or password, or a disabled account' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponse,
    description: 'Too many failed logins for the account or address; see Retry-After',
  })
  login(@Body() body: LoginDto, @Ip() ip: string) {
    return this.signIn.login(body.email, body.password, ip);
  }

  @Post('auth/refresh')
  @PublicWrite()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange a refresh token for a new access token and the next refresh token' })
  @ApiOkResponse({ type: SignInResponse })
  @ApiErrors(400)
  @ApiUnauthorizedResponse({
    type: ErrorResponse,
    description: 'Unknown, expired, revoked or reused refresh token (a reuse ends the whole sign-in)',
  })
  refresh(@Body() body: RefreshDto) {
    return this.signIn.refresh(body.refreshToken);
  }

  @Post('auth/logout')
  @PublicWrite()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the sign-in: its refresh token is refused from now on' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiErrors(400)
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.signIn.logout(body.refreshToken);
  }

  @Get('me')
  @Roles()
  @ApiOperation({ summary: 'The signed-in user with role and scope' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}
