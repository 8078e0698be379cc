import { CountCheck } from './count-check';
import { EXPECTED_PARTICIPATIONS_SQL, EXPECTED_TOTALS_SQL } from './participation.sql';

const quota = (column: string, status: string): CountCheck => ({
  name: `session_quotas.${column}`,
  table: 'session_quotas',
  keys: ['session_id', 'category'],
  value: column,
  expectedSql:
    'SELECT session_id, category, COUNT(*) AS n FROM registrations ' +
    `WHERE status = '${status}' GROUP BY session_id, category`,
  // a quota line is made with its session (its capacity is not in the rows)
  missing: 'skip',
});

/** The counts registration keeps: seats per session and category, distinct participants per activity. */
export const REGISTRATION_CHECKS: CountCheck[] = [
  quota('confirmed', 'confirmed'),
  quota('pending', 'pending_approval'),
  quota('waitlisted', 'waitlisted'),
  {
    name: 'participations.sessions',
    table: 'participations',
    keys: ['activity_id', 'category', 'level', 'kind', 'participant_id'],
    value: 'sessions',
    expectedSql: `SELECT activity_id, category, level, kind, participant_id, sessions AS n FROM (${EXPECTED_PARTICIPATIONS_SQL}) e`,
    missing: 'insert',
    deleteZero: true,
  },
  {
    name: 'participation_totals.participants',
    table: 'participation_totals',
    keys: ['activity_id', 'category', 'level', 'kind'],
    value: 'participants',
    expectedSql: `SELECT activity_id, category, level, kind, participants AS n FROM (${EXPECTED_TOTALS_SQL}) e`,
    missing: 'insert',
  },
];
