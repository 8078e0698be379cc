import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { OUTCOME_TYPES, OutcomeType } from '@app/catalog';
import { IsId, PageQuery } from '@app/core';
import { toAgreementType } from './agreement-type';
import { AGREEMENT_TYPES, AgreementType, OUTCOME_STATUSES, OutcomeStatus } from './entities';

export { toAgreementType } from './agreement-type';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** An optional party name: trimmed, 1–200 characters. */
const PartyName = () =>
  applyDecorators(ApiPropertyOptional(), IsOptional(), Transform(trim), IsString(), Length(1, 200));

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export class OutcomePartiesDto {
  @PartyName() enterpriseName?: string;
  @ApiPropertyOptional({ description: '统一社会信用代码, checked (GB 32100-2015)' })
  @IsOptional()
  @IsString()
  @Length(18, 18)
  enterpriseUscc?: string;
  @PartyName() phdName?: string;
  @PartyName() institutionName?: string;
  @PartyName() mentorName?: string;
  @PartyName() apprenticeName?: string;
  /** award winner and similar */
  @PartyName() personName?: string;
}

export class CreateOutcomeDto {
  @ApiProperty({ enum: OUTCOME_TYPES }) @IsIn(OUTCOME_TYPES) type!: OutcomeType;
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 300) title!: string;
  @ApiProperty({ enum: OUTCOME_STATUSES }) @IsIn(OUTCOME_STATUSES) status!: OutcomeStatus;

  @ApiPropertyOptional({ enum: AGREEMENT_TYPES, description: 'required for apprenticeship_agreement' })
  @IsOptional()
  @Transform(({ value }) => toAgreementType(value))
  @IsIn(AGREEMENT_TYPES)
  agreementType?: AgreementType;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'must be a date (YYYY-MM-DD)' })
  signedOn?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1 }) @IsOptional() @IsId() sessionId?: number;

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    description: 'registrations of this activity the outcome involves',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsId({ each: true })
  registrationIds?: number[];

  @ApiPropertyOptional({ type: OutcomePartiesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OutcomePartiesDto)
  parties?: OutcomePartiesDto;

  @ApiPropertyOptional({ description: 'free-form facts (amount, field, prize …)' })
  @IsOptional()
  @IsObject()
  details?: Record<string, unknown>;
}

export class UpdateOutcomeDto {
  @ApiPropertyOptional({ enum: OUTCOME_STATUSES }) @IsOptional() @IsIn(OUTCOME_STATUSES) status?: OutcomeStatus;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(1, 300) title?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'must be a date (YYYY-MM-DD)' })
  signedOn?: string;

  @ApiPropertyOptional() @IsOptional() @IsObject() details?: Record<string, unknown>;
}

export class OutcomeListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OUTCOME_TYPES }) @IsOptional() @IsIn(OUTCOME_TYPES) type?: OutcomeType;
  @ApiPropertyOptional({ enum: OUTCOME_STATUSES }) @IsOptional() @IsIn(OUTCOME_STATUSES) status?: OutcomeStatus;

  @ApiPropertyOptional({ enum: AGREEMENT_TYPES })
  @IsOptional()
  @Transform(({ value }) => toAgreementType(value))
  @IsIn(AGREEMENT_TYPES)
  agreementType?: AgreementType;
}
