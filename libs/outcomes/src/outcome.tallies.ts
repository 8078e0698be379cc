import { EntityManager } from 'typeorm';

export interface TallyKey {
  activityId: number;
  type: string;
  agreementType: string | null;
  status: string;
}

/**
 * Moves one outcome tally by `delta` inside the caller's transaction, in one upsert statement:
 * the row is created with `delta` or changed by `count = count + delta`. (An INSERT IGNORE followed
 * by an UPDATE deadlocked on MySQL: concurrent writers each held the shared lock of the
 * duplicate-key check and waited for the other's to take the exclusive one.)
 */
export async function moveTally(em: EntityManager, key: TallyKey, delta: number): Promise<void> {
  if (delta === 0) return;
  const params = [key.activityId, key.type, key.agreementType ?? '', key.status, delta];
  const insert =
    'INSERT INTO outcome_tallies (activity_id, type, agreement_type, status, count) VALUES (?, ?, ?, ?, ?)';
  await em.query(
    em.connection.options.type === 'mysql'
      ? `${insert} ON DUPLICATE KEY UPDATE count = count + VALUES(count)`
      : `${insert} ON CONFLICT (activity_id, type, agreement_type, status) DO UPDATE SET count = count + excluded.count`,
    params,
  );
}
