import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { insertRows } from '@app/core';
import { RegistrationEntity, SessionEntity } from '../entities';
import { SeatRow } from './seats';

/** The session row changed after the batch's items read it: they go the one-by-one way. */
export class SessionChanged extends Error {
  constructor(readonly sessionId: number) {
    super(`session ${sessionId} changed while its registrations were batched`);
  }
}

/** `sessionId + "\n" + category` */
export type SeatKey = string;

/** What a batch takes from one (session, category) counter row. */
export interface SeatTake {
  sessionId: number;
  category: string;
  /** the counter the seated registrations hold: `pending` while the session wants approval */
  held: 'confirmed' | 'pending';
  seated: number;
  waitlisted: number;
}

/** The SQL of a registration batch, in the caller's transaction (MySQL). */
export class BatchRows {
  constructor(private readonly em: EntityManager) {}

  /**
   * Active registrations of these places (`sessionId + "\n" + identityKey`), by place. Read from
   * the participants (unique identity key) through each one's registrations (`participant_id`):
   * a few index reads per item, however many registrations the sessions already hold.
   */
  async activeRegistrations(places: string[]): Promise<Map<string, { id: number; status: string }>> {
    if (places.length === 0) return new Map();
    const split = places.map((p) => p.split('\n') as [string, string]);
    const identities = [...new Set(split.map(([, identity]) => identity))];
    const sessions = [...new Set(split.map(([s]) => Number(s)))];
    const rows = (await this.em.query(
      `SELECT r.session_id AS sessionId, p.identity_key AS identityKey, r.id AS id, r.status AS status
         FROM participants p STRAIGHT_JOIN registrations r ON r.participant_id = p.id AND r.active_key = p.id
        WHERE p.identity_key IN (${identities.map(() => '?').join(', ')})
          AND r.session_id IN (${sessions.map(() => '?').join(', ')})`,
      [...identities, ...sessions],
    )) as { sessionId: number; identityKey: string; id: number; status: string }[];
    return new Map(rows.map((r) => [`${r.sessionId}\n${r.identityKey}`, { id: Number(r.id), status: r.status }]));
  }

  /**
   * Locks the sessions' rows and then their counter rows, in session id order (the order a
   * session change takes them, and the same in every batch: no deadlock between batches), and
   * reads the seats. A session whose row changed since its items read it throws
   * {@link SessionChanged}; a category without a counter row is absent from the answer.
   */
  async lockSeats(groups: { session: SessionEntity; category: string }[]): Promise<Map<SeatKey, SeatRow>> {
    const sessions = new Map(groups.map((g) => [g.session.id, g.session]));
    const ids = [...sessions.keys()].sort((a, b) => a - b);
    const rows = (await this.em.query(
      `SELECT s.id AS sessionId, s.version AS version, s.updated_at AS updatedAt, q.category AS category,
              q.capacity AS capacity, q.confirmed AS confirmed, q.pending AS pending,
              q.waitlisted AS waitlisted, q.waitlist_seq AS waitlistSeq
         FROM sessions s STRAIGHT_JOIN session_quotas q ON q.session_id = s.id
        WHERE s.id IN (${ids.map(() => '?').join(', ')})
        ORDER BY s.id, q.category
          FOR UPDATE`,
      ids,
    )) as Record<string, unknown>[];
    const seen = new Set<number>();
    const seats = new Map<SeatKey, SeatRow>();
    for (const row of rows) {
      const session = sessions.get(Number(row.sessionId))!;
      if (
        Number(row.version) !== session.version ||
        new Date(row.updatedAt as string | Date).getTime() !== session.updatedAt.getTime()
      ) {
        throw new SessionChanged(session.id);
      }
      seen.add(session.id);
      seats.set(`${session.id}\n${String(row.category)}`, {
        capacity: Number(row.capacity),
        confirmed: Number(row.confirmed),
        pending: Number(row.pending),
        waitlisted: Number(row.waitlisted),
        waitlistSeq: Number(row.waitlistSeq),
      });
    }
    // a session with no counter row at all (or gone) is read again by the one-by-one path
    for (const id of ids) if (!seen.has(id)) throw new SessionChanged(id);
    return seats;
  }

  /**
   * Every group's seats and waitlist places in one conditional update: a row changes only while
   * its group's seats still fit (`confirmed + pending + seated <= capacity`), and unless every
   * row did, the batch fails. The rows are locked already ({@link lockSeats}), so this is the
   * database confirming the batch's arithmetic, not a second decision.
   */
  async takeSeats(takes: SeatTake[]): Promise<void> {
    if (takes.length === 0) return;
    const when = (value: (t: SeatTake) => number) => ({
      sql: `CASE ${takes.map(() => 'WHEN session_id = ? AND category = ? THEN ?').join(' ')} ELSE 0 END`,
      params: takes.flatMap((t) => [t.sessionId, t.category, value(t)]),
    });
    const confirmed = when((t) => (t.held === 'confirmed' ? t.seated : 0));
    const pending = when((t) => (t.held === 'pending' ? t.seated : 0));
    const waitlisted = when((t) => t.waitlisted);
    const seated = when((t) => t.seated);
    const sessionIds = [...new Set(takes.map((t) => t.sessionId))];
    const result = (await this.em.query(
      `UPDATE session_quotas
          SET confirmed = confirmed + ${confirmed.sql}, pending = pending + ${pending.sql},
              waitlisted = waitlisted + ${waitlisted.sql}, waitlist_seq = waitlist_seq + ${waitlisted.sql}
        WHERE session_id IN (${sessionIds.map(() => '?').join(', ')})
          AND (${takes.map(() => '(session_id = ? AND category = ?)').join(' OR ')})
          AND confirmed + pending + ${seated.sql} <= capacity`,
      [
        ...confirmed.params,
        ...pending.params,
        ...waitlisted.params,
        ...waitlisted.params,
        ...sessionIds,
        ...takes.flatMap((t) => [t.sessionId, t.category]),
        ...seated.params,
      ],
    )) as { affectedRows?: number };
    if (result.affectedRows !== takes.length) throw new Error('seats moved under the lock');
  }

  /** One multi-row insert; the ids are read back by the unique (session, active participant) key. */
  async insertRegistrations(regs: RegistrationEntity[]): Promise<void> {
    await insertRows(this.em, RegistrationEntity, regs as QueryDeepPartialEntity<RegistrationEntity>[]);
    // exact (session, participant) pairs: one lookup each in the unique (session_id, active_key)
    // index, where two IN lists would read every registration of the batch's sessions
    const rows = (await this.em.query(
      `SELECT id, session_id AS sessionId, active_key AS activeKey FROM registrations
        WHERE ${regs.map(() => '(session_id = ? AND active_key = ?)').join(' OR ')}`,
      regs.flatMap((r) => [r.sessionId, r.participantId]),
    )) as { id: number; sessionId: number; activeKey: number }[];
    const idOf = new Map(rows.map((r) => [`${r.sessionId}\n${r.activeKey}`, Number(r.id)]));
    for (const reg of regs) reg.id = idOf.get(`${reg.sessionId}\n${reg.participantId}`)!;
  }
}
