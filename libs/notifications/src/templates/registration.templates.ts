import type { Locale, NotificationFacts } from '../notification.types';
import { checkInLine, greeting, sessionLines, sessionName, signature } from './format';
import type { MailContent, TemplateTable } from './template.types';

type RegistrationType =
  | 'registration_confirmed'
  | 'registration_pending'
  | 'registration_waitlisted'
  | 'registration_promoted'
  | 'registration_approved'
  | 'registration_rejected'
  | 'registration_cancelled';

const block = (lines: (string | false | undefined)[]): string => lines.filter(Boolean).join('\n');

/** The place-holder's own links and codes; absent facts are left out, never printed as "undefined". */
function placeLines(f: NotificationFacts, locale: Locale): string {
  const en = locale === 'en';
  return block([
    f.checkInCode && checkInLine(f.checkInCode, f.session, locale),
    f.manageUrl && (en ? `Manage your registration: ${f.manageUrl}` : `查看或取消报名：${f.manageUrl}`),
  ]);
}

function mail(f: NotificationFacts, locale: Locale, subject: string, lead: string, extra: string[] = []): MailContent {
  return {
    subject,
    paragraphs: [
      greeting(f.recipientName, locale),
      lead,
      block(sessionLines(f.session, locale)),
      ...extra,
      placeLines(f, locale),
      signature(locale),
    ].filter((p) => p !== ''),
  };
}

const reasonLine = (f: NotificationFacts, locale: Locale): string[] =>
  f.reason ? [locale === 'en' ? `Reason: ${f.reason}` : `原因：${f.reason}`] : [];

/** Messages about one registrant's own place. */
export const REGISTRATION_TEMPLATES: TemplateTable<RegistrationType> = {
  registration_confirmed: (f, l) =>
    l === 'en'
      ? mail(
          f,
          l,
          `Registration confirmed: ${sessionName(f.session)}`,
          'Your registration is confirmed. We look forward to seeing you.',
        )
      : mail(f, l, `报名成功：${sessionName(f.session)}`, '您的报名已确认，期待您的参与。'),
  registration_pending: (f, l) =>
    l === 'en'
      ? mail(
          f,
          l,
          `Registration received, awaiting approval: ${sessionName(f.session)}`,
          'We have received your registration. The organizer will review it and we will write to you with the result.',
        )
      : mail(
          f,
          l,
          `报名已提交，等待审核：${sessionName(f.session)}`,
          '我们已收到您的报名，主办方审核后将另行通知您结果。',
        ),
  registration_waitlisted: (f, l) => {
    const pos = f.waitlistPosition;
    return l === 'en'
      ? mail(
          f,
          l,
          `On the waiting list: ${sessionName(f.session)}`,
          `The session is full, so you are on the waiting list${pos ? ` (position ${pos})` : ''}. If a place becomes free you will move up automatically and we will tell you.`,
        )
      : mail(
          f,
          l,
          `已进入候补名单：${sessionName(f.session)}`,
          `本场名额已满，您已进入候补名单${pos ? `（第 ${pos} 位）` : ''}。有名额空出时将按顺序自动递补，并另行通知您。`,
        );
  },
  registration_promoted: (f, l) =>
    l === 'en'
      ? mail(
          f,
          l,
          `A place is yours: ${sessionName(f.session)}`,
          'A place became free and your registration moved from the waiting list to confirmed.',
        )
      : mail(f, l, `候补成功，报名已确认：${sessionName(f.session)}`, '有名额空出，您的报名已由候补转为确认。'),
  registration_approved: (f, l) =>
    l === 'en'
      ? mail(f, l, `Registration approved: ${sessionName(f.session)}`, 'The organizer has approved your registration.')
      : mail(f, l, `报名审核通过：${sessionName(f.session)}`, '主办方已审核通过您的报名。'),
  registration_rejected: (f, l) =>
    l === 'en'
      ? mail(
          f,
          l,
          `Registration not approved: ${sessionName(f.session)}`,
          'We are sorry: the organizer did not approve your registration.',
          reasonLine(f, l),
        )
      : mail(f, l, `报名未通过审核：${sessionName(f.session)}`, '很抱歉，您的报名未通过主办方审核。', reasonLine(f, l)),
  registration_cancelled: (f, l) =>
    l === 'en'
      ? mail(
          f,
          l,
          `Registration cancelled: ${sessionName(f.session)}`,
          'Your registration has been cancelled.',
          reasonLine(f, l),
        )
      : mail(f, l, `报名已取消：${sessionName(f.session)}`, '您的报名已取消。', reasonLine(f, l)),
};
