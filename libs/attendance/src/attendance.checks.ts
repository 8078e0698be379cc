import { CountCheck } from '@app/registration';

/** The count attendance keeps: check-ins per session, category and level. */
export const ATTENDANCE_CHECKS: CountCheck[] = [
  {
    name: 'attendance_tallies.checked_in',
    table: 'attendance_tallies',
    keys: ['session_id', 'category', 'level', 'activity_id'],
    value: 'checked_in',
    expectedSql:
      'SELECT session_id, category, level, activity_id, COUNT(*) AS n FROM check_ins ' +
      'GROUP BY session_id, category, level, activity_id',
    missing: 'insert',
  },
];
