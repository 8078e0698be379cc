import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors, ApiIdParam, ErrorResponse, ParseIdPipe } from '@app/core';
import { UserPageResponse, UserResponse } from '../identity.responses';
import { Audit } from '../audit/audit.decorator';
import { AuthUser } from '../auth/auth-user';
import { AuthService } from '../auth/auth.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { CreateUserDto, UpdateUserDto, UserListQuery } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('identity')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Post()
  @Audit('user.create', 'user')
  @ApiOperation({ summary: 'Create a staff account (admin)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrors(400)
  @ApiConflictResponse({ type: ErrorResponse, description: 'A user with this email exists; `existing` names it' })
  create(@Body() body: CreateUserDto) {
    return this.users.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Staff accounts, paginated (admin)' })
  @ApiOkResponse({ type: UserPageResponse })
  @ApiErrors(400)
  list(@Query() query: UserListQuery) {
    return this.users.list(query.page, query.pageSize);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One staff account (admin)' })
  @ApiIdParam()
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 404)
  get(@Param('id', ParseIdPipe) id: number) {
    return this.users.get(id);
  }

  @Patch(':id')
  @Audit('user.update', 'user')
  @ApiOperation({ summary: 'Change role, units, sessions, disabled or password (admin)' })
  @ApiIdParam()
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 404, 409, 422)
  update(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateUserDto, @CurrentUser() actor: AuthUser) {
    return this.users.update(id, body, actor);
  }

  @Post(':id/unlock')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audit('user.unlock', 'user')
  @ApiOperation({ summary: 'Clear the failed-login counters of an account, from every client (admin)' })
  @ApiNoContentResponse({ description: 'Counters cleared; the account may log in from anywhere at once' })
  @ApiIdParam()
  @ApiErrors(400, 404)
  async unlock(@Param('id', ParseIdPipe) id: number): Promise<void> {
    const user = await this.users.get(id);
    await this.auth.unlock(user.email);
  }
}
