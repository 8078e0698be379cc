import { ApiProperty } from '@nestjs/swagger';

/** Response classes of the reconciliation route. */

export class RepairResponse {
  @ApiProperty({ example: 'session_quota.confirmed', description: 'which counter or tally' }) check!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'the line repaired, e.g. { sessionId: "3", category: "phd" }',
  })
  key!: Record<string, string>;
  @ApiProperty({ type: 'integer', description: 'the cached value found' }) from!: number;
  @ApiProperty({ type: 'integer', description: 'the value counted from the rows' }) to!: number;
}

export class ReconciliationLastRunResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) repaired!: number;
}

export class ReconciliationResultResponse extends ReconciliationLastRunResponse {
  @ApiProperty({ type: [RepairResponse] }) repairs!: RepairResponse[];
}
