import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTCOME_TYPES } from '@app/catalog';
import { PageOf } from '@app/core';
import { AGREEMENT_TYPES, OUTCOME_STATUSES } from './entities';

/** Response classes of the outcome routes: the OpenAPI shapes of outcome.views.ts. */

export class OutcomePartiesResponse {
  @ApiPropertyOptional() enterpriseName?: string;
  @ApiPropertyOptional() enterpriseUscc?: string;
  @ApiPropertyOptional() phdName?: string;
  @ApiPropertyOptional() institutionName?: string;
  @ApiPropertyOptional() mentorName?: string;
  @ApiPropertyOptional() apprenticeName?: string;
  @ApiPropertyOptional() personName?: string;
}

/** Names are masked (王**) for callers who may not see personal data. */
export class OutcomeResponse {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ type: 'integer' }) activityId!: number;
  @ApiProperty({ type: 'integer', nullable: true }) sessionId!: number | null;
  @ApiProperty({ enum: OUTCOME_TYPES }) type!: string;
  @ApiProperty({ type: String, enum: [...AGREEMENT_TYPES, null], nullable: true }) agreementType!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: OUTCOME_STATUSES }) status!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) signedOn!: string | null;
  @ApiProperty({ type: OutcomePartiesResponse }) parties!: OutcomePartiesResponse;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'free-form facts' })
  details!: Record<string, unknown>;
  @ApiProperty({
    type: 'array',
    items: { type: 'integer' },
    nullable: true,
    description: 'null for callers who may not see personal data',
  })
  registrationIds!: number[] | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export const OutcomePageResponse = PageOf(OutcomeResponse);

export class ImportRowErrorResponse {
  @ApiProperty({ type: 'integer', description: 'row number in the file (the header is row 1)' }) row!: number;
  @ApiProperty() field!: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ description: 'a stable code for rows that are fine but not counted', example: 'duplicate' })
  code?: string;
}

export class ImportResultResponse {
  @ApiProperty({ type: 'integer', minimum: 0 }) imported!: number;
  @ApiProperty({ type: [ImportRowErrorResponse], description: 'rows left out, with why' })
  errors!: ImportRowErrorResponse[];
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'row errors beyond IMPORT_MAX_ERRORS, counted but not listed (absent when none)',
  })
  errorsOmitted?: number;
}
