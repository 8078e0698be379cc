import { HttpStatus, Injectable } from '@nestjs/common';
import { groupBy, IdempotencyService, ItemOutcome, TransactionService } from '@app/core';
import { NotificationType } from '@app/notifications';
import { NormalizedRegistration } from '../dto/profile.validator';
import { CreateRegistrationDto, Locale } from '../dto/registration.dto';
import { ParticipationKind, RegistrationEntity, SessionEntity } from '../entities';
import { kindOfStatus } from '../counting/participation.sql';
import { ParticipationCounter, placeOf } from '../counting/participation.counter';
import { ParticipantsService } from '../participants.service';
import { alreadyRegistered, categoryNotOffered, sessionFull } from '../registration.errors';
import { RegistrationNotifier } from '../registration.notifier';
import { newRegistrationRow } from '../registration.row';
import { RegistrationCreated } from '../registration.views';
import { takeSeats } from './seats';
import { BatchRows, SeatTake } from './batch-rows';

/** One online registration waiting to be written with others of its activity. */
export interface BatchItem {
  /** the session as read when the request arrived (maybe a moment old: checked under the lock) */
  session: SessionEntity;
  activityTitle: string;
  dto: CreateRegistrationDto;
  norm: NormalizedRegistration;
  locale: Locale;
  idempotencyKey?: string;
  requestHash?: string;
}

const CREATED_MESSAGE: Record<string, NotificationType> = {
  confirmed: 'registration_confirmed',
  pending_approval: 'registration_pending',
  waitlisted: 'registration_waitlisted',
};

interface Written {
  index: number;
  item: BatchItem;
  reg: RegistrationEntity;
  token: string;
  waitlistPosition?: number;
}

/**
 * Writes a batch of online registrations of one activity (any of its sessions) in one
 * transaction (MySQL): one locked read of the sessions and counter rows involved, one multi-row
 * participant upsert, one conditional update of every (session, category) counter, one multi-row
 * registration insert, one participation upsert per kind, one multi-row outbox insert, one commit.
 *
 * Invariants (each request is answered as if it had been alone, in arrival order):
 * - per (session, category) the first arrivals get the free seats, the next the waitlist in
 *   arrival order, or 422 `session_full` when the session keeps none; a refused or duplicate
 *   request writes nothing;
 * - the database decides the seats: each counter update is conditional on capacity and runs under
 *   the row lock taken first, so any number of processes can batch the same sessions;
 * - what the batch cannot decide by itself (an Idempotency-Key already used, a twin of an earlier
 *   item) is answered `alone`; a failure of the whole transaction sends every item alone.
 */
@Injectable()
export class RegistrationBatch {
  constructor(
    private readonly tx: TransactionService,
    private readonly participants: ParticipantsService,
    private readonly notifier: RegistrationNotifier,
    private readonly idempotency: IdempotencyService,
  ) {}

  async write(items: BatchItem[]): Promise<ItemOutcome<RegistrationCreated>[]> {
    return this.tx.withTransaction(async (tx) => {
      const { em } = tx;
      const outcomes: ItemOutcome<RegistrationCreated>[] = items.map(() => ({ kind: 'alone' }));
      const rows = new BatchRows(em);
      let live = withoutTwins(items);

      // a key seen before is a replay or a reuse: the one-by-one path answers those
      const used = await this.idempotency.claimed(
        em,
        live.flatMap((i) => {
          const key = items[i]!.idempotencyKey;
          return key ? [{ scope: scopeOf(items[i]!), key }] : [];
        }),
      );
      live = live.filter((i) => !used.has(`${scopeOf(items[i]!)}\n${items[i]!.idempotencyKey ?? ''}`));

      const existing = await rows.activeRegistrations(live.map((i) => placeKey(items[i]!)));
      for (const i of live) {
        const found = existing.get(placeKey(items[i]!));
        if (found) outcomes[i] = { kind: 'failed', error: alreadyRegistered(found) };
      }
      live = live.filter((i) => outcomes[i]!.kind === 'alone');
      if (live.length === 0) return outcomes;

      // per (session, category), in arrival order: seats first, then the waitlist, then refusals
      const groups = groupBy(live, (i) => `${items[i]!.session.id}\n${items[i]!.dto.category}`);
      const counters = await rows.lockSeats(
        [...groups.values()].map((g) => ({ session: items[g[0]!]!.session, category: items[g[0]!]!.dto.category })),
      );
      const now = new Date();
      const written: Written[] = [];
      const takes: SeatTake[] = [];
      for (const [key, group] of groups) {
        const { session, dto } = items[group[0]!]!;
        const row = counters.get(key);
        if (!row) {
          for (const i of group) outcomes[i] = { kind: 'failed', error: categoryNotOffered(dto.category, session.id) };
          continue;
        }
        const seats = takeSeats(row, group.length, session.waitlistEnabled);
        group.forEach((i, n) => {
          if (n >= seats.seated + seats.waitlisted) {
            outcomes[i] = { kind: 'failed', error: sessionFull(dto.category, session.waitlistEnabled) };
            return;
          }
          const behind = n - seats.seated; // 0-based place among this batch's waitlisted
          written.push(
            this.registration(
              i,
              items[i]!,
              now,
              behind >= 0 ? { seq: row.waitlistSeq + behind + 1, position: row.waitlisted + behind + 1 } : undefined,
            ),
          );
        });
        if (seats.seated + seats.waitlisted > 0) {
          takes.push({
            sessionId: session.id,
            category: dto.category,
            held: session.requiresApproval ? 'pending' : 'confirmed',
            ...seats,
          });
        }
      }
      await rows.takeSeats(takes);
      if (written.length === 0) return outcomes;

      const ids = await this.participants.upsertMany(
        em,
        written.map(({ item }) => ({
          identityKey: item.norm.identityKey,
          category: item.dto.category,
          name: item.dto.name,
          email: item.dto.email,
          phone: item.norm.phone,
          idNumber: item.norm.idNumber,
          locale: item.locale,
          profile: item.norm.profile,
        })),
      );
      for (const w of written) w.reg.participantId = w.reg.activeKey = ids.get(w.item.norm.identityKey)!;
      await rows.insertRegistrations(written.map((w) => w.reg));

      const counter = new ParticipationCounter(em);
      // every new registration is active, so each has a kind; kinds in a fixed order (lock order)
      const byKind = groupBy(written, (w) => kindOfStatus(w.reg.status)!);
      for (const kind of [...byKind.keys()].sort()) {
        await counter.addMany(
          byKind.get(kind)!.map((w) => placeOf(w.reg, w.item.session)),
          kind as ParticipationKind,
        );
      }
      await this.notifier.registrationEvents(
        tx,
        written.map(({ item, reg, waitlistPosition }) => ({
          type: CREATED_MESSAGE[reg.status]!,
          reg,
          session: item.session,
          activityTitle: item.activityTitle,
          waitlistPosition,
        })),
      );

      const keyed: Parameters<IdempotencyService['recordMany']>[1] = [];
      for (const { index, item, reg, token, waitlistPosition } of written) {
        const body: RegistrationCreated = {
          id: reg.id,
          status: reg.status,
          ...(waitlistPosition !== undefined ? { waitlistPosition } : {}),
          manageToken: token,
        };
        outcomes[index] = { kind: 'done', value: body };
        if (item.idempotencyKey) {
          keyed.push({
            scope: scopeOf(item),
            key: item.idempotencyKey,
            requestHash: item.requestHash!,
            response: { statusCode: HttpStatus.CREATED, body },
          });
        }
      }
      await this.idempotency.recordMany(em, keyed);
      return outcomes;
    });
  }

  /** The registration row of an accepted item; its participant id is filled in after the upsert. */
  private registration(
    index: number,
    item: BatchItem,
    now: Date,
    waitlist?: { seq: number; position: number },
  ): Written {
    const { dto, norm, session } = item;
    const { nonce, token } = this.notifier.tokens.issue();
    const reg = newRegistrationRow({
      sessionId: session.id,
      participantId: 0, // filled in after the participant upsert, with activeKey
      dto,
      norm,
      locale: item.locale,
      status: waitlist ? 'waitlisted' : session.requiresApproval ? 'pending_approval' : 'confirmed',
      waitlistSeq: waitlist?.seq ?? null,
      tokenNonce: nonce,
      channel: 'online',
      now,
    });
    return { index, item, reg, token, waitlistPosition: waitlist?.position };
  }
}

const scopeOf = (item: BatchItem) => `registration:${item.session.id}`;
const placeKey = (item: BatchItem) => `${item.session.id}\n${item.norm.identityKey}`;

/** Indexes of the items to write here: a later item with the place or key of an earlier one goes alone. */
function withoutTwins(items: BatchItem[]): number[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    const marks = [`place\n${placeKey(item)}`];
    if (item.idempotencyKey !== undefined) marks.push(`key\n${scopeOf(item)}\n${item.idempotencyKey}`);
    if (marks.some((m) => seen.has(m))) return [];
    for (const m of marks) seen.add(m);
    return [i];
  });
}
