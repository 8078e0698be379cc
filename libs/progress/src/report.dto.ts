import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsId } from '@app/core';
import { PERIOD_LABEL_PATTERN } from './report-period';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateReportDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'the reporting unit: one of the target’s responsible units',
  })
  @IsId()
  unitId!: number;

  @ApiProperty({ example: '2022-H1', description: 'YYYY, YYYY-H1/H2, YYYY-Q1..Q4 or YYYY-MM' })
  @Transform(trim)
  @IsString()
  @Matches(PERIOD_LABEL_PATTERN, { message: 'must be YYYY, YYYY-H1, YYYY-H2, YYYY-Q1..Q4 or YYYY-MM' })
  periodLabel!: string;

  @ApiProperty({ description: 'done in the period (a ratio for 倍 targets)' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(1_000_000_000)
  value!: number;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 2000) note?: string;

  @ApiPropertyOptional({ description: 'a URL or a short description' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 1000)
  evidence?: string;
}

export class WithdrawReportDto {
  @ApiPropertyOptional({ description: 'why the report is withdrawn (kept in its history)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason?: string;
}
