import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, TransactionContext } from '@app/core';
import { Locale, NewNotification, NotificationsService, NotificationType, SessionFacts } from '@app/notifications';
import { RegistrationEntity, SessionEntity } from './entities';
import { ManageTokens } from './manage-token';

/**
 * Turns registration events into outbox rows, in the caller's transaction. Payloads carry
 * every fact the mail needs (the worker never reads registration tables).
 */
@Injectable()
export class RegistrationNotifier {
  readonly tokens: ManageTokens;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: NotificationsService,
  ) {
    this.tokens = new ManageTokens(config.jwtSecret);
  }

  /** One message per registration event; the dedupe key makes a retried transaction harmless. */
  async registrationEvent(
    tx: TransactionContext,
    type: NotificationType,
    reg: RegistrationEntity,
    session: SessionEntity,
    activityTitle: string,
    extra: { waitlistPosition?: number; reason?: string } = {},
    /** tells a repeated event apart (a reopened registration is pending again) */
    round?: string,
  ): Promise<void> {
    const key = `registration:${reg.id}:${type}${round ? `:${round}` : ''}`;
    const n = this.build(type, key, reg, session, activityTitle, extra);
    // a rejected registration can no longer be cancelled or managed: its mail offers no link
    if (type === 'registration_rejected') delete n.facts.manageUrl;
    await this.outbox.enqueue(tx, n);
  }

  /** One message per new registration of a batch, in one multi-row insert. */
  async registrationEvents(
    tx: TransactionContext,
    events: {
      type: NotificationType;
      reg: RegistrationEntity;
      session: SessionEntity;
      activityTitle: string;
      waitlistPosition?: number;
    }[],
  ): Promise<void> {
    await this.outbox.enqueueMany(
      tx,
      events.map(({ type, reg, session, activityTitle, waitlistPosition }) =>
        this.build(type, `registration:${reg.id}:${type}`, reg, session, activityTitle, { waitlistPosition }),
      ),
    );
  }

  /** One message to each given registrant about a session change (thousands: chunked inserts). */
  async sessionEvent(
    tx: TransactionContext,
    type: NotificationType,
    registrations: RegistrationEntity[],
    session: SessionEntity,
    activityTitle: string,
    previous: SessionEntity | undefined,
    reason?: string,
  ): Promise<void> {
    const rows = registrations.map((reg) => {
      const n = this.build(
        type,
        `session:${session.id}:v${session.version}:${type}:${reg.id}`,
        reg,
        session,
        activityTitle,
        { reason },
      );
      if (previous) n.facts.previousSession = sessionFacts(previous, activityTitle);
      return n;
    });
    await this.outbox.enqueueMany(tx, rows);
  }

  /** Reminder before the session; keyed by start time so a rescheduled session reminds again. */
  reminder(reg: RegistrationEntity, session: SessionEntity, activityTitle: string, dueAt: Date): NewNotification {
    const n = this.build(
      'session_reminder',
      `reminder:${reg.id}:${session.startsAt.getTime()}`,
      reg,
      session,
      activityTitle,
      {},
    );
    n.dueAt = dueAt;
    return n;
  }

  manageUrl(reg: RegistrationEntity): string {
    // the web app's 我的报名 page (apps/web, /r/:id), which reads and cancels through the API
    return `${this.config.publicBaseUrl}/r/${reg.id}?token=${this.tokens.tokenFor(reg.tokenNonce)}`;
  }

  private build(
    type: NotificationType,
    dedupeKey: string,
    reg: RegistrationEntity,
    session: SessionEntity,
    activityTitle: string,
    extra: { waitlistPosition?: number; reason?: string },
  ): NewNotification {
    return {
      type,
      dedupeKey,
      recipientEmail: reg.email,
      recipientName: reg.name,
      locale: (reg.locale === 'en' ? 'en' : 'zh-CN') as Locale,
      registrationId: reg.id,
      sessionId: session.id,
      facts: {
        recipientName: reg.name,
        session: sessionFacts(session, activityTitle),
        registrationId: reg.id,
        registrationStatus: reg.status,
        manageUrl: this.manageUrl(reg),
        ...(reg.status === 'confirmed' ? { checkInCode: reg.checkInCode } : {}),
        ...(extra.waitlistPosition !== undefined ? { waitlistPosition: extra.waitlistPosition } : {}),
        ...(extra.reason ? { reason: extra.reason } : {}),
      },
    };
  }
}

export function sessionFacts(s: SessionEntity, activityTitle: string): SessionFacts {
  return {
    id: s.id,
    activityTitle,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    venue: s.venue,
    city: s.city,
    mode: s.mode,
    onlineUrl: s.onlineUrl,
    status: s.status,
    // bumped on every change registrants are told about: the calendar entry's SEQUENCE
    sequence: s.version,
  };
}
