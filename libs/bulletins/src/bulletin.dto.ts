import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PERIOD_LABEL_PATTERN } from '@app/progress';
import { BULLETIN_FREQUENCIES, BulletinFrequency } from './bulletin-period';

export class IssueBulletinDto {
  @ApiPropertyOptional({
    example: '2022-H1',
    description: 'the period (YYYY, YYYY-H1/H2, YYYY-Q1..Q4, YYYY-MM); default: the one the schedule has due now',
  })
  @IsOptional()
  @IsString()
  @Matches(PERIOD_LABEL_PATTERN, { message: 'must be YYYY, YYYY-H1, YYYY-H2, YYYY-Q1..Q4 or YYYY-MM' })
  periodLabel?: string;
}

export class BulletinScheduleDto {
  @ApiPropertyOptional({ enum: BULLETIN_FREQUENCIES })
  @IsOptional()
  @IsIn(BULLETIN_FREQUENCIES)
  frequency?: BulletinFrequency;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
