import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId, PageQuery } from '@app/core';
import { Role, ROLES } from '../entities/user.entity';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';

const normalizeEmail = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

const PASSWORD_DOC = `at least ${PASSWORD_MIN_LENGTH} characters, not a common password, not the email`;

export class CreateUserDto {
  @ApiProperty({ example: 'organizer@hrss.quanzhou.example' })
  @Transform(normalizeEmail)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ description: PASSWORD_DOC, minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    description: 'units the user works for (an organizer needs one)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsId({ each: true })
  unitIds?: number[];

  @ApiPropertyOptional({ type: 'integer', isArray: true, description: 'sessions a check-in staff member may work at' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsId({ each: true })
  sessionIds?: number[];
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: 'integer', isArray: true, description: 'replaces the unit list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsId({ each: true })
  unitIds?: number[];

  @ApiPropertyOptional({ type: 'integer', isArray: true, description: 'replaces the session list' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsId({ each: true })
  sessionIds?: number[];

  @ApiPropertyOptional({ description: 'a disabled user cannot sign in, and tokens already issued stop working' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: `${PASSWORD_DOC}; tokens issued before stop working` })
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

export class UserListQuery extends PageQuery {}
