import { Injectable } from '@nestjs/common';
import { EntityManager, LessThanOrEqual } from 'typeorm';
import { TransactionContext } from '@app/core';
import { CatalogService } from '@app/catalog';
import { RegistrationEntity, SessionEntity } from './entities';
import { ParticipationCounter } from './counting/participation.counter';
import { kindOfStatus } from './counting/participation.sql';
import { QuotaCounters } from './quota.counters';
import { RegistrationNotifier } from './registration.notifier';

/** FIFO waitlist of one (session, category). Positions are computed, so they never have gaps. */
@Injectable()
export class Waitlist {
  constructor(
    private readonly catalog: CatalogService,
    private readonly notifier: RegistrationNotifier,
  ) {}

  /** 1-based place in the queue; undefined unless waitlisted. */
  async position(em: EntityManager, reg: RegistrationEntity): Promise<number | undefined> {
    if (reg.status !== 'waitlisted' || reg.waitlistSeq === null) return undefined;
    return em
      .createQueryBuilder(RegistrationEntity, 'r')
      .where('r.sessionId = :s AND r.category = :c AND r.status = :w AND r.waitlistSeq <= :seq', {
        s: reg.sessionId,
        c: reg.category,
        w: 'waitlisted',
        seq: reg.waitlistSeq,
      })
      .getCount();
  }

  /** Positions of the waitlisted rows among `regs`: one query per category present, not one per row. */
  async positions(em: EntityManager, regs: RegistrationEntity[]): Promise<Map<number, number>> {
    const result = new Map<number, number>();
    const waiting = regs.filter((r) => r.status === 'waitlisted' && r.waitlistSeq !== null);
    for (const category of new Set(waiting.map((r) => r.category))) {
      const mine = waiting.filter((r) => r.category === category);
      const maxSeq = Math.max(...mine.map((r) => r.waitlistSeq!));
      const ahead = await em.find(RegistrationEntity, {
        where: { sessionId: mine[0]!.sessionId, category, status: 'waitlisted', waitlistSeq: LessThanOrEqual(maxSeq) },
        select: { id: true, waitlistSeq: true },
        order: { waitlistSeq: 'ASC' },
      });
      ahead.forEach((r, i) => result.set(r.id, i + 1));
    }
    return result;
  }

  /**
   * Moves heads of the queue onto free seats, oldest first, until no seat or nobody is left;
   * each promoted registrant gets one message. Runs in the caller's transaction, after the
   * caller took the category lock (see lockCategory), so two promotions never pick the same head.
   */
  async promoteWhileSeats(tx: TransactionContext, session: SessionEntity, category: string): Promise<number> {
    const counters = new QuotaCounters(tx.em);
    const as = session.requiresApproval ? 'pending' : 'confirmed';
    let activityTitle: string | undefined;
    let promoted = 0;
    for (;;) {
      const head = await tx.em.findOne(RegistrationEntity, {
        where: { sessionId: session.id, category, status: 'waitlisted' },
        order: { waitlistSeq: 'ASC' },
      });
      if (!head || !(await counters.promote(session.id, category, as))) return promoted;
      head.status = session.requiresApproval ? 'pending_approval' : 'confirmed';
      head.waitlistSeq = null;
      head.updatedAt = new Date();
      await tx.em.update(RegistrationEntity, head.id, {
        status: head.status,
        waitlistSeq: null,
        updatedAt: head.updatedAt,
      });
      await new ParticipationCounter(tx.em).move(
        { activityId: session.activityId, category, level: head.level ?? '', participantId: head.participantId },
        'waitlisted',
        kindOfStatus(head.status),
      );
      activityTitle ??= (await this.catalog.getActivityEntity(session.activityId)).title;
      await this.notifier.registrationEvent(tx, 'registration_promoted', head, session, activityTitle);
      promoted++;
    }
  }
}
