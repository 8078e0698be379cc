import { TransactionContext } from '@app/core';
import type { BulletinMailFacts } from './templates/bulletin.types';

/** Every message the platform sends. One event, one message. */
export const NOTIFICATION_TYPES = [
  'registration_confirmed',
  'registration_pending',
  'registration_waitlisted',
  'registration_promoted',
  'registration_approved',
  'registration_rejected',
  'registration_cancelled',
  'session_reminder',
  'session_changed',
  'session_postponed',
  'session_cancelled',
  'session_moved_online',
  'matchmaking_agenda',
  // to staff of a unit and administrators, not registrants
  'bulletin_issued',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** `cancelled`: superseded before it went out (e.g. a reminder for a session that moved); see `cancelPending`. */
export const NOTIFICATION_STATUSES = ['pending', 'queued', 'sent', 'failed', 'cancelled'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export type Locale = 'zh-CN' | 'en';

/** A session as the recipient should read it, frozen at the time of the event. */
export interface SessionFacts {
  id: number;
  activityTitle: string;
  title: string;
  /** ISO 8601 */
  startsAt: string;
  endsAt: string;
  venue: string | null;
  city: string | null;
  mode: 'offline' | 'online' | 'hybrid';
  onlineUrl: string | null;
  status: string;
  /**
   * The session's change counter when the facts were taken (its `version`): the calendar entry's
   * SEQUENCE, so every change's `.ics` supersedes the last. Absent in rows written before it existed.
   */
  sequence?: number;
}

/**
 * Payloads carry the facts they need: the worker renders from the payload alone and never
 * reads another module's tables.
 */
export interface NotificationFacts {
  recipientName: string;
  session: SessionFacts;
  /** the session before a change (session_changed / postponed / moved_online) */
  previousSession?: SessionFacts;
  registrationId?: number;
  registrationStatus?: string;
  /** manage link with the token, e.g. https://…/registrations/12?token=… (only in the owner's own mail) */
  manageUrl?: string;
  /** present once confirmed */
  checkInCode?: string;
  waitlistPosition?: number;
  /** organizer's reason on reject / cancel */
  reason?: string;
  /** matchmaking_agenda: the recipient's meetings in time order */
  agenda?: AgendaMeetingFacts[];
}

/** One 1:1 meeting of a matchmaking agenda, as the recipient should read it. */
export interface AgendaMeetingFacts {
  meetingId: number;
  tableNo: number;
  slotNo: number;
  /** ISO 8601 */
  startsAt: string;
  endsAt: string;
  partnerName: string;
  partnerOrganization: string | null;
  /** contact data of the partner (the meeting is accepted, so both may see it) */
  partnerContact: string | null;
}

/** Messages to staff (organizers of a unit, administrators) carry their own typed facts. */
export type StaffNotificationType = 'bulletin_issued';
/** What a row's payload holds: a registrant's facts, or a staff message's (by `type`). */
export type NotificationPayload = NotificationFacts | BulletinMailFacts;

/**
 * A message to a member of staff: an organizer of a unit (`unitId`) or an administrator. Same
 * outbox, retries and dedupe as every other message; the facts are typed per `type`.
 */
export interface NewStaffNotification {
  type: 'bulletin_issued';
  /** unique, e.g. `bulletin:7:unit:3:user:12` */
  dedupeKey: string;
  recipientEmail: string;
  recipientName: string;
  locale: Locale;
  /** the unit the recipient is addressed as staff of; null for administrators */
  unitId: number | null;
  facts: BulletinMailFacts;
}

export interface NewNotification {
  type: NotificationType;
  /** unique: one event can never be owed twice, e.g. `registration:42:confirmed` */
  dedupeKey: string;
  recipientEmail: string;
  recipientName: string;
  locale: Locale;
  registrationId?: number;
  sessionId?: number;
  facts: NotificationFacts;
  /** not before (reminders); default now */
  dueAt?: Date;
}

/** What the registration module (and others) call, inside their own transaction. */
export interface NotificationOutbox {
  /**
   * Writes the outbox row in the caller's transaction (ignored if the dedupe key exists)
   * and wakes the relay after commit. Never sends anything itself.
   */
  enqueue(tx: TransactionContext, notification: NewNotification): Promise<void>;
  /** The same for many rows (session change broadcasts to thousands), in chunked multi-row inserts. */
  enqueueMany(tx: TransactionContext, notifications: NewNotification[]): Promise<void>;
  /**
   * Withdraws rows that have not gone out yet (status pending), e.g. the reminders of a session
   * that was rescheduled or cancelled, or of a registration that was cancelled. Returns how many.
   */
  cancelPending(tx: TransactionContext, filter: PendingFilter): Promise<number>;
}

/** Which pending rows {@link NotificationOutbox.cancelPending} withdraws; at least one of the ids is required. */
export interface PendingFilter {
  sessionId?: number;
  registrationId?: number;
  types?: NotificationType[];
}
