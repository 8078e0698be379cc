import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId, IsDateTime, PageQuery, toInt } from '@app/core';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptional()
  @Transform(toInt)
  @IsId()
  actorId?: number;

  @ApiPropertyOptional({ example: 'registration.approve' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  action?: string;

  @ApiPropertyOptional({ example: 'registration' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entity?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ description: 'RFC 3339 time with an offset, inclusive', format: 'date-time' })
  @IsOptional()
  @IsDateTime()
  from?: string;

  @ApiPropertyOptional({ description: 'RFC 3339 time with an offset, inclusive', format: 'date-time' })
  @IsOptional()
  @IsDateTime()
  to?: string;
}
