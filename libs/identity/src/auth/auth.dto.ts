import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../users/password-policy';

export class LoginDto {
  @ApiProperty({ example: 'admin@talent.quanzhou.example' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'the refresh token from login or the last refresh' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken!: string;
}

export class SignInResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ type: 'integer', description: 'seconds the access token lives' }) expiresIn!: number;
  @ApiProperty({ description: 'single use: exchange it at POST /api/auth/refresh for the next pair' })
  refreshToken!: string;
  @ApiProperty({ type: 'integer', description: 'seconds until the sign-in ends (a working day after login)' })
  refreshExpiresIn!: number;
}
