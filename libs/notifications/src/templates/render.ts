import type { Locale, NotificationFacts, NotificationType } from '../notification.types';
import { escapeHtml } from './format';
import { buildIcs } from './ics';
import { qrCodePng } from './qr-png';
import { REGISTRATION_TEMPLATES } from './registration.templates';
import { SESSION_TEMPLATES } from './session.templates';
import type { TemplateFn } from './template.types';

const TEMPLATES: Record<NotificationType, TemplateFn> = { ...REGISTRATION_TEMPLATES, ...SESSION_TEMPLATES };

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
/** Types that carry a calendar entry. */
const WITH_ICS = new Set<NotificationType>([
  'session_reminder',
  'registration_confirmed',
  'registration_promoted',
  'registration_approved',
]);

export interface RenderInput {
  id: number;
  type: NotificationType;
  locale: string;
  facts: NotificationFacts;
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
}

/** Unknown locales read Chinese, the platform's default. */
export const toLocale = (locale: string | null | undefined): Locale => (locale === 'en' ? 'en' : 'zh-CN');

const linkify = (escaped: string): string =>
  escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/**
 * Renders one notification from its stored facts alone. Pure apart from the QR encoder:
 * the same row always renders the same message, so a repeated send is the same mail.
 */
export async function renderNotification(n: RenderInput, mailDomain: string): Promise<RenderedMail> {
  const locale = toLocale(n.locale);
  const template = TEMPLATES[n.type];
  if (!template) throw new Error(`no template for notification type "${n.type}"`);
  const content = template(n.facts, locale);
  const attachments: RenderedAttachment[] = [];
  const code = n.facts.checkInCode;
  const qr = Boolean(code) && WITH_QR.has(n.type);
  if (qr) {
    attachments.push({
      filename: `check-in-${code}.png`,
      content: qrCodePng(code!),
      contentType: 'image/png',
      cid: 'check-in-qr',
    });
  }
  if (WITH_ICS.has(n.type)) {
    attachments.push({
      filename: 'session.ics',
      content: buildIcs({
        session: n.facts.session,
        locale,
        uid: `session-${n.facts.session.id}@${mailDomain}`,
        stamp: n.createdAt,
        url: n.facts.manageUrl,
      }),
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    });
  }
  const html = [
    `<!doctype html><html lang="${locale}"><body>`,
    ...content.paragraphs.map((p) => `<p>${linkify(escapeHtml(p)).replace(/\n/g, '<br>')}</p>`),
    qr ? `<p><img src="cid:check-in-qr" alt="${escapeHtml(code!)}" width="200" height="200"></p>` : '',
    '</body></html>',
  ].join('\n');
  return { subject: content.subject, text: content.paragraphs.join('\n\n') + '\n', html, attachments };
}
