import { EntityManager } from 'typeorm';
import { ParticipationKind } from '../entities';
import { affected, insertIgnoreInto } from './sql';

export interface ParticipationKey {
  activityId: number;
  category: string;
  /** '' when none */
  level: string;
  participantId: number;
}

const KEY = 'activity_id = ? AND category = ? AND level = ? AND kind = ?';

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
    const appeared = await affected(
      this.em,
      `${insertIgnoreInto(this.em)} participations (activity_id, category, level, kind, participant_id, sessions) ` +
        'VALUES (?, ?, ?, ?, ?, 1)',
      [...k, key.participantId],
    );
    if (appeared === 0) {
      await affected(this.em, `UPDATE participations SET sessions = sessions + 1 WHERE ${KEY} AND participant_id = ?`, [
        ...k,
        key.participantId,
      ]);
      return;
    }
    await affected(
      this.em,
      `${insertIgnoreInto(this.em)} participation_totals (activity_id, category, level, kind, participants) ` +
        'VALUES (?, ?, ?, ?, 0)',
      k,
    );
    await affected(this.em, `UPDATE participation_totals SET participants = participants + 1 WHERE ${KEY}`, k);
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
