import { ParticipationKind } from '../entities';

/** The participation kind a registration status counts as (none for cancelled and rejected). */
export const KIND_OF_STATUS: Record<string, ParticipationKind | undefined> = {
  confirmed: 'confirmed',
  pending_approval: 'pending',
  waitlisted: 'waitlisted',
};

export const kindOfStatus = (status: string): ParticipationKind | null => KIND_OF_STATUS[status] ?? null;

/**
 * What `participations` should hold, computed from the rows: one line per (activity, category,
 * level, kind, participant) with the number of the activity's sessions that place is held in.
 * Cancelled sessions count for nothing. Used by the migration's backfill and by reconciliation.
 */
export const EXPECTED_PARTICIPATIONS_SQL = `
SELECT s.activity_id AS activity_id, r.category AS category, COALESCE(r.level, '') AS level,
       CASE r.status WHEN 'confirmed' THEN 'confirmed' WHEN 'pending_approval' THEN 'pending' ELSE 'waitlisted' END AS kind,
       r.participant_id AS participant_id, COUNT(*) AS sessions
  FROM registrations r JOIN sessions s ON s.id = r.session_id
 WHERE r.status IN ('confirmed', 'pending_approval', 'waitlisted') AND s.status <> 'cancelled'
 GROUP BY s.activity_id, r.category, COALESCE(r.level, ''),
       CASE r.status WHEN 'confirmed' THEN 'confirmed' WHEN 'pending_approval' THEN 'pending' ELSE 'waitlisted' END,
       r.participant_id
UNION ALL
SELECT s.activity_id, r.category, COALESCE(r.level, ''), 'attended', r.participant_id, COUNT(*)
  FROM registrations r JOIN sessions s ON s.id = r.session_id
 WHERE r.checked_in_at IS NOT NULL AND s.status <> 'cancelled'
 GROUP BY s.activity_id, r.category, COALESCE(r.level, ''), r.participant_id`;

/** What `participation_totals` should hold: distinct participants per (activity, category, level, kind). */
export const EXPECTED_TOTALS_SQL = `
SELECT activity_id, category, level, kind, COUNT(*) AS participants
  FROM (${EXPECTED_PARTICIPATIONS_SQL}) p
 GROUP BY activity_id, category, level, kind`;
