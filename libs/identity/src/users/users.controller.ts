import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '@app/core';
import { Audit } from '../audit/audit.decorator';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { CreateUserDto, UpdateUserDto, UserListQuery } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('identity')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Audit('user.create', 'user')
  @ApiOperation({ summary: 'Create a staff account (admin)' })
  @ApiConflictResponse({ description: 'A user with this email exists' })
  create(@Body() body: CreateUserDto) {
    return this.users.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'Staff accounts, paginated (admin)' })
  list(@Query() query: UserListQuery) {
    return this.users.list(query.page, query.pageSize);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One staff account (admin)' })
  get(@Param('id', ParseIdPipe) id: number) {
    return this.users.get(id);
  }

  @Patch(':id')
  @Audit('user.update', 'user')
  @ApiOperation({ summary: 'Change role, units, sessions, disabled or password (admin)' })
  update(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateUserDto, @CurrentUser() actor: AuthUser) {
    return this.users.update(id, body, actor);
  }
}
