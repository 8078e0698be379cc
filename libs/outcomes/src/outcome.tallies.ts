import { EntityManager } from 'typeorm';

const insertIgnore = (em: EntityManager) =>
  em.connection.options.type === 'mysql' ? 'INSERT IGNORE INTO' : 'INSERT OR IGNORE INTO';

export interface TallyKey {
  activityId: number;
  type: string;
  agreementType: string | null;
  status: string;
}

/**
 * Moves one outcome tally by `delta` inside the caller's transaction: the row is created
 * at 0 if missing, then changed by an atomic `UPDATE … count = count + ?`, so concurrent
 * writers never lose an increment.
 */
export async function moveTally(em: EntityManager, key: TallyKey, delta: number): Promise<void> {
  if (delta === 0) return;
  const params = [key.activityId, key.type, key.agreementType ?? '', key.status];
  await em.query(
    `${insertIgnore(em)} outcome_tallies (activity_id, type, agreement_type, status, count) VALUES (?, ?, ?, ?, 0)`,
    params,
  );
  await em.query(
    'UPDATE outcome_tallies SET count = count + ? WHERE activity_id = ? AND type = ? AND agreement_type = ? AND status = ?',
    [delta, ...params],
  );
}
