import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches } from 'class-validator';
import { IsId } from '@app/core';

/** Codes are read aloud and typed at the door: case, spaces and dashes do not matter. */
export const normalizeCheckInCode = (value: unknown): unknown =>
  typeof value === 'string' ? value.replace(/[\s-]/g, '').toUpperCase() : value;

export const CHECK_IN_CODE_PATTERN = /^[A-Z0-9]{6,16}$/;

export class CheckInDto {
  @ApiPropertyOptional({ description: 'the check-in code from the confirmation mail or QR image' })
  @IsOptional()
  @Transform(({ value }) => normalizeCheckInCode(value))
  @IsString()
  @Matches(CHECK_IN_CODE_PATTERN, { message: 'must be a check-in code (6–16 letters and digits)' })
  code?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'staff check-in of a registration found in the list',
  })
  @IsOptional()
  @IsId()
  registrationId?: number;
}

/** The answer to a check-in: `first` is false on a repeat, which then carries the first time. */
export interface CheckInView {
  registrationId: number;
  checkedInAt: string;
  first: boolean;
  /** who was admitted, so the door can see it: name, category and 单位名称 */
  name: string;
  category: string;
  unitName: string | null;
}
