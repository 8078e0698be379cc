import { EntityManager } from 'typeorm';
import { groupBy } from '@app/core';
import { ParticipationKind, RegistrationEntity, SessionEntity } from '../entities';
import { affected } from './sql';

export interface ParticipationKey {
  activityId: number;
  category: string;
  /** '' when none */
  level: string;
  participantId: number;
}

/** The participation a registration holds in its activity. */
export function placeOf(reg: RegistrationEntity, session: Pick<SessionEntity, 'activityId'>): ParticipationKey {
  return {
    activityId: session.activityId,
    category: reg.category,
    level: reg.level ?? '',
    participantId: reg.participantId,
  };
}

const KEY = 'activity_id = ? AND category = ? AND level = ? AND kind = ?';
const KEY_COLUMNS = ['activity_id', 'category', 'level', 'kind'];

/**
 * Keeps `participations` and `participation_totals` in the caller's transaction. A place is
 * added or removed with atomic statements whose affected-row counts say whether the
 * participant appeared or disappeared for the activity, and only then does the distinct total
 * move: no read decides a count, so concurrent writers never lose or double one.
 */
export class ParticipationCounter {
  constructor(private readonly em: EntityManager) {}

  /** One place changes kind (null: not counted) — e.g. waitlisted → confirmed, confirmed → null. */
  async move(key: ParticipationKey, from: ParticipationKind | null, to: ParticipationKind | null): Promise<void> {
    if (from === to) return;
    if (from) await this.remove(key, from);
    if (to) await this.add(key, to);
  }

  async add(key: ParticipationKey, kind: ParticipationKind): Promise<void> {
    const k = [key.activityId, key.category, key.level, kind];
    if (
      await this.upsertIncrement(
        'participations',
        'sessions',
        [...KEY_COLUMNS, 'participant_id'],
        [...k, key.participantId],
      )
    ) {
      await this.upsertIncrement('participation_totals', 'participants', KEY_COLUMNS, k);
    }
  }

  /**
   * Many places of one kind at once (a batch of registrations in one activity, one place per
   * participant). MySQL: one multi-row upsert per (category, level), whose affected-row count
   * says how many lines were created (1 per insert, 2 per update), and one increment of the
   * distinct total by that many. Lines go in a fixed order so concurrent batches lock alike.
   */
  async addMany(keys: ParticipationKey[], kind: ParticipationKind): Promise<void> {
    if (this.em.connection.options.type !== 'mysql') {
      for (const key of keys) await this.add(key, kind);
      return;
    }
    const groups = groupBy(keys, (key) => `${key.activityId}\u0000${key.category}\u0000${key.level}`);
    for (const group of [...groups.keys()].sort()) {
      const lines = groups.get(group)!.sort((a, b) => a.participantId - b.participantId);
      const k = [lines[0]!.activityId, lines[0]!.category, lines[0]!.level, kind];
      const changed = await affected(
        this.em,
        `INSERT INTO participations (${[...KEY_COLUMNS, 'participant_id', 'sessions'].join(', ')}) VALUES ${lines
          .map(() => '(?, ?, ?, ?, ?, 1)')
          .join(', ')} ON DUPLICATE KEY UPDATE sessions = sessions + 1`,
        lines.flatMap((line) => [...k, line.participantId]),
      );
      const created = 2 * lines.length - changed;
      if (created > 0) {
        await affected(
          this.em,
          `INSERT INTO participation_totals (${[...KEY_COLUMNS, 'participants'].join(', ')}) VALUES (?, ?, ?, ?, ?)
           ON DUPLICATE KEY UPDATE participants = participants + ?`,
          [...k, created, created],
        );
      }
    }
  }

  /**
   * value + 1 on the line, created at 1 when missing; true when it was created. MySQL: one
   * `INSERT … ON DUPLICATE KEY UPDATE`, which takes the row's exclusive lock at once (an INSERT
   * IGNORE would take a shared lock first, and two writers upgrading it deadlock); it reports 1
   * affected row for an insert, 2 for an update. SQLite serializes writers: update, else insert.
   */
  private async upsertIncrement(table: string, value: string, columns: string[], params: unknown[]): Promise<boolean> {
    const insert = `INSERT INTO ${table} (${[...columns, value].join(', ')}) VALUES (${columns.map(() => '?').join(', ')}, 1)`;
    if (this.em.connection.options.type === 'mysql') {
      return (await affected(this.em, `${insert} ON DUPLICATE KEY UPDATE ${value} = ${value} + 1`, params)) === 1;
    }
    const where = columns.map((c) => `${c} = ?`).join(' AND ');
    if ((await affected(this.em, `UPDATE ${table} SET ${value} = ${value} + 1 WHERE ${where}`, params)) > 0)
      return false;
    await affected(this.em, insert, params);
    return true;
  }

  async remove(key: ParticipationKey, kind: ParticipationKind): Promise<void> {
    const k = [key.activityId, key.category, key.level, kind];
    await affected(
      this.em,
      `UPDATE participations SET sessions = sessions - 1 WHERE ${KEY} AND participant_id = ? AND sessions > 0`,
      [...k, key.participantId],
    );
    const gone = await affected(
      this.em,
      `DELETE FROM participations WHERE ${KEY} AND participant_id = ? AND sessions <= 0`,
      [...k, key.participantId],
    );
    if (gone > 0) {
      await affected(
        this.em,
        `UPDATE participation_totals SET participants = participants - 1 WHERE ${KEY} AND participants > 0`,
        k,
      );
    }
  }
}
