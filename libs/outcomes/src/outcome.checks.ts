import { CountCheck } from '@app/registration';

/** The count outcomes keep: outcomes per activity, type, agreement type and status. */
export const OUTCOME_CHECKS: CountCheck[] = [
  {
    name: 'outcome_tallies.count',
    table: 'outcome_tallies',
    keys: ['activity_id', 'type', 'agreement_type', 'status'],
    value: 'count',
    expectedSql:
      "SELECT activity_id, type, COALESCE(agreement_type, '') AS agreement_type, status, COUNT(*) AS n " +
      "FROM outcomes GROUP BY activity_id, type, COALESCE(agreement_type, ''), status",
    missing: 'insert',
  },
];
