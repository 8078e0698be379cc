import { EntityManager } from 'typeorm';
import { SessionQuotaEntity } from './entities';

type Seat = 'confirmed' | 'pending';

/**
 * Every change to a session's seats is one conditional UPDATE on its (session, category)
 * counter row. The database evaluates the condition and the increment atomically under the
 * row lock, so a quota can never be exceeded however many processes write at once; Node never
 * reads a count to decide. Callers run inside `withTransaction`.
 */
export class QuotaCounters {
  constructor(private readonly em: EntityManager) {}

  /** Takes a free seat (`confirmed + pending < capacity`); false when the category is full. */
  async take(sessionId: number, category: string, as: Seat): Promise<boolean> {
    return this.apply(sessionId, category, { [as]: () => `${as} + 1` }, 'confirmed + pending < capacity');
  }

  /**
   * Joins the waitlist: returns the FIFO ticket and the place in the queue, or undefined when
   * the session has no quota for the category. A newcomer is always last, so the place is the
   * waitlisted counter itself, read under our own row lock: no count over the queue.
   */
  async joinWaitlist(sessionId: number, category: string): Promise<{ seq: number; position: number } | undefined> {
    const joined = await this.apply(sessionId, category, {
      waitlisted: () => 'waitlisted + 1',
      waitlistSeq: () => 'waitlist_seq + 1',
    });
    if (!joined) return undefined;
    const row = await this.em.findOneByOrFail(SessionQuotaEntity, { sessionId, category });
    return { seq: row.waitlistSeq, position: row.waitlisted };
  }

  /** Gives a seat (or a waitlist place) back. */
  async release(sessionId: number, category: string, from: Seat | 'waitlisted'): Promise<void> {
    await this.apply(sessionId, category, { [from]: () => `${from} - 1` }, `${from} > 0`);
  }

  /** pending_approval → confirmed keeps the seat. */
  async approve(sessionId: number, category: string): Promise<void> {
    await this.apply(
      sessionId,
      category,
      { pending: () => 'pending - 1', confirmed: () => 'confirmed + 1' },
      'pending > 0',
    );
  }

  /** Moves one place from the waitlist onto a free seat; false when no seat is free. */
  async promote(sessionId: number, category: string, as: Seat): Promise<boolean> {
    return this.apply(
      sessionId,
      category,
      { waitlisted: () => 'waitlisted - 1', [as]: () => `${as} + 1` },
      'waitlisted > 0 AND confirmed + pending < capacity',
    );
  }

  /** Sets a new capacity unless seats already taken exceed it. */
  async setCapacity(sessionId: number, category: string, capacity: number): Promise<boolean> {
    return this.apply(sessionId, category, { capacity }, 'confirmed + pending <= :capacity', { capacity });
  }

  private async apply(
    sessionId: number,
    category: string,
    set: Record<string, number | (() => string)>,
    condition?: string,
    params: Record<string, unknown> = {},
  ): Promise<boolean> {
    const qb = this.em
      .createQueryBuilder()
      .update(SessionQuotaEntity)
      .set(set)
      .where('session_id = :sessionId AND category = :category', { sessionId, category });
    if (condition) qb.andWhere(condition, params);
    const result = await qb.execute();
    return (result.affected ?? 0) > 0;
  }
}

/**
 * Takes the (session, category) row lock before a status change, so every change in one
 * category — cancel, approve, reject, promote — runs one after another and reads the latest
 * registration state. SQLite serializes whole transactions already.
 */
export async function lockCategory(em: EntityManager, sessionId: number, category: string): Promise<void> {
  if (em.connection.options.type !== 'mysql') return;
  await em
    .createQueryBuilder(SessionQuotaEntity, 'q')
    .setLock('pessimistic_write')
    .where('q.sessionId = :sessionId AND q.category = :category', { sessionId, category })
    .getOne();
}
