import type { Locale, SessionFacts } from '../notification.types';
import { formatWhere, sessionName } from './format';

/** 2025-03-15T01:00:00.000Z → 20250315T010000Z (UTC, seconds). */
const icsTime = (iso: string | Date): string => {
  const t = new Date(iso).toISOString();
  return `${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 13)}${t.slice(14, 16)}${t.slice(17, 19)}Z`;
};

/** RFC 5545 TEXT escaping. */
const esc = (text: string): string => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  // most lines are short: no character walk for them
  if (Buffer.byteLength(line) <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export interface IcsInput {
  session: SessionFacts;
  locale: Locale;
  /** the calendar entry's identity, stable across reminders and changes of one session */
  uid: string;
  /** fixed per notification so a repeated send is byte-identical */
  stamp: Date;
  url?: string;
  /** `mailto:` of the sender: calendar apps want an ORGANIZER to apply an update or a CANCEL */
  organizer?: string;
  /** the entry is withdrawn (the session or the registration was cancelled): METHOD:CANCEL */
  cancel?: boolean;
}

/** `PUBLISH` for a new or updated entry, `CANCEL` to take it off the calendar. */
export const icsMethod = (input: Pick<IcsInput, 'session' | 'cancel'>): 'PUBLISH' | 'CANCEL' =>
  input.cancel || input.session.status === 'cancelled' ? 'CANCEL' : 'PUBLISH';

/**
 * One VEVENT for the session, times in UTC (calendar apps show them in the reader's zone). One
 * UID per session; SEQUENCE is the session's change counter, so a later message's entry
 * replaces an earlier one, and a cancellation removes it (METHOD:CANCEL, STATUS:CANCELLED).
 */
export function buildIcs(input: IcsInput): string {
  const { session, locale } = input;
  const method = icsMethod(input);
  const cancelled = method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Quanzhou Talent Events Platform//Notifications//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${input.uid}`,
    `SEQUENCE:${Math.max(0, Math.trunc(session.sequence ?? 0))}`,
    `DTSTAMP:${icsTime(input.stamp)}`,
    `DTSTART:${icsTime(session.startsAt)}`,
    `DTEND:${icsTime(session.endsAt)}`,
    `SUMMARY:${esc(sessionName(session))}`,
    `LOCATION:${esc(formatWhere(session, locale))}`,
    ...(session.onlineUrl ? [`URL:${session.onlineUrl}`] : input.url ? [`URL:${input.url}`] : []),
    ...(input.organizer ? [`ORGANIZER:${input.organizer}`] : []),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
