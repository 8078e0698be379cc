import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { PublicWrite } from '../throttle/public-write.decorator';
import { AuthUser } from './auth-user';
import { LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { Roles } from './roles.decorator';

@ApiTags('identity')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @PublicWrite()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange email and password for a short-lived bearer token' })
  @ApiOkResponse({ description: '{ accessToken, tokenType: "Bearer", expiresIn }' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password, or a disabled account' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins for the account or address; see Retry-After' })
  login(@Body() body: LoginDto, @Ip() ip: string) {
    return this.auth.login(body.email, body.password, ip);
  }

  @Get('me')
  @Roles()
  @ApiOperation({ summary: 'The signed-in user with role and scope' })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}
