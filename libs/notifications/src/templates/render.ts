import type {
  Locale,
  NotificationFacts,
  NotificationPayload,
  NotificationType,
  StaffNotificationType,
} from '../notification.types';
import { bulletinMail } from './bulletin.templates';
import type { BulletinMailFacts } from './bulletin.types';
import { bulletinXlsx, bulletinXlsxName } from './bulletin.xlsx';
import { escapeHtml, signature } from './format';
import { buildIcs, icsMethod } from './ics';
import { meetingAsSession } from './matchmaking.templates';
import { qrCodePng } from './qr-png';
import { MATCHMAKING_TEMPLATES } from './matchmaking.templates';
import { REGISTRATION_TEMPLATES } from './registration.templates';
import { SESSION_TEMPLATES } from './session.templates';
import type { TemplateFn } from './template.types';

const TEMPLATES: Record<Exclude<NotificationType, StaffNotificationType>, TemplateFn> = {
  ...REGISTRATION_TEMPLATES,
  ...SESSION_TEMPLATES,
  ...MATCHMAKING_TEMPLATES,
};

/** Types whose message is a ticket: the check-in QR code goes with it. */
const WITH_QR = new Set<NotificationType>([
  'registration_confirmed',
  'registration_promoted',
  'registration_approved',
  'session_reminder',
  'session_changed',
  'session_postponed',
  'session_moved_online',
]);
/** Types that carry a calendar entry: the ticket, and every change to the session after it. */
const WITH_ICS = new Set<NotificationType>([
  'session_reminder',
  'registration_confirmed',
  'registration_promoted',
  'registration_approved',
  'session_changed',
  'session_postponed',
  'session_moved_online',
  'session_cancelled',
  'registration_cancelled',
]);
/** Types whose calendar entry takes the session off the recipient's calendar. */
const CANCELS = new Set<NotificationType>(['session_cancelled', 'registration_cancelled']);

export interface RenderInput {
  id: number;
  type: NotificationType;
  locale: string;
  facts: NotificationPayload;
  createdAt: Date;
}

export interface RenderedAttachment {
  filename: string;
  content: Buffer | string;
  contentType: string;
  cid?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments: RenderedAttachment[];
  /** the sender's display name in the recipient's language (the Chinese one comes from MAIL_FROM) */
  senderName?: string;
}

/** Unknown locales read Chinese, the platform's default. */
export const toLocale = (locale: string | null | undefined): Locale => (locale === 'en' ? 'en' : 'zh-CN');

/**
 * A URL runs to whitespace or a character that cannot be part of one here: quotes, angle
 * brackets and CJK punctuation (…/qbh2026）。). Trailing ASCII punctuation and a closing
 * bracket without its opening one inside the URL belong to the sentence, not the link.
 */
const URL_PATTERN = /https?:\/\/[^\s<>"'（）【】「」『』《》，。；：！？、]+/g;
const OPENERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

function trimUrl(url: string): string {
  for (;;) {
    const last = url.at(-1)!;
    const opener = OPENERS[last];
    const unbalanced = opener !== undefined && url.split(opener).length <= url.split(last).length - 1;
    if (!/[.,;:!?]/.test(last) && !unbalanced) return url;
    url = url.slice(0, -1);
  }
}

/** Escapes a paragraph and turns its URLs into links. */
export function linkify(text: string): string {
  let html = '';
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    html += escapeHtml(text.slice(at, match.index));
    html += `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    at = match.index + url.length;
  }
  return html + escapeHtml(text.slice(at));
}

/**
 * Renders one notification from its stored facts alone. Pure apart from the QR encoder:
 * the same row always renders the same message, so a repeated send is the same mail.
 */
export async function renderNotification(
  n: RenderInput,
  mailDomain: string,
  senderAddress = `no-reply@${mailDomain}`,
): Promise<RenderedMail> {
  const locale = toLocale(n.locale);
  if (n.type === 'bulletin_issued') return renderBulletin(n.facts as BulletinMailFacts, locale);
  const template = TEMPLATES[n.type];
  if (!template) throw new Error(`no template for notification type "${n.type}"`);
  const facts = n.facts as NotificationFacts;
  const content = template(facts, locale);
  const attachments: RenderedAttachment[] = [];
  const code = facts.checkInCode;
  // an online session has no door to show a QR code at
  const qr = Boolean(code) && WITH_QR.has(n.type) && facts.session.mode !== 'online';
  if (qr) {
    attachments.push({
      filename: `check-in-${code}.png`,
      content: qrCodePng(code!),
      contentType: 'image/png',
      cid: 'check-in-qr',
    });
  }
  if (WITH_ICS.has(n.type)) {
    const ics = {
      session: facts.session,
      locale,
      uid: `session-${facts.session.id}@${mailDomain}`,
      stamp: n.createdAt,
      url: facts.manageUrl,
      organizer: `mailto:${senderAddress}`,
      cancel: CANCELS.has(n.type),
    };
    attachments.push({
      filename: 'session.ics',
      content: buildIcs(ics),
      contentType: `text/calendar; charset=utf-8; method=${icsMethod(ics)}`,
    });
  }
  for (const m of facts.agenda ?? []) {
    attachments.push({
      filename: `meeting-${m.slotNo}-table-${m.tableNo}.ics`,
      content: buildIcs({
        session: meetingAsSession(facts, m, locale),
        locale,
        uid: `match-meeting-${m.meetingId}@${mailDomain}`,
        stamp: n.createdAt,
        url: facts.manageUrl,
        organizer: `mailto:${senderAddress}`,
      }),
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    });
  }
  const html = [
    `<!doctype html><html lang="${locale}"><body>`,
    ...content.paragraphs.map((p) => `<p>${linkify(p).replace(/\n/g, '<br>')}</p>`),
    qr ? `<p><img src="cid:check-in-qr" alt="${escapeHtml(code!)}" width="200" height="200"></p>` : '',
    '</body></html>',
  ].join('\n');
  return {
    subject: content.subject,
    text: content.paragraphs.join('\n\n') + '\n',
    html,
    attachments,
    ...(locale === 'en' ? { senderName: signature('en') } : {}),
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A bulletin mail with its workbook, both from the facts frozen in the payload. */
async function renderBulletin(f: BulletinMailFacts, locale: Locale): Promise<RenderedMail> {
  const content = bulletinMail(f, locale);
  const html = [
    `<!doctype html><html lang="${locale}"><body>`,
    ...content.paragraphs.map((p) => `<p>${linkify(p).replace(/\n/g, '<br>')}</p>`),
    '</body></html>',
  ].join('\n');
  return {
    subject: content.subject,
    text: content.paragraphs.join('\n\n') + '\n',
    html,
    attachments: [
      { filename: bulletinXlsxName(f.bulletin), content: await bulletinXlsx(f.bulletin, locale), contentType: XLSX },
    ],
  };
}
