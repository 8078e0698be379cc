import type { Locale, NotificationFacts } from '../notification.types';
import { checkInLine, formatTimeRange, formatWhere, greeting, sessionLines, sessionName, signature } from './format';
import type { MailContent, TemplateTable } from './template.types';

type SessionType =
  'session_reminder' | 'session_changed' | 'session_postponed' | 'session_cancelled' | 'session_moved_online';

const block = (lines: (string | false | undefined)[]): string => lines.filter(Boolean).join('\n');

function mail(f: NotificationFacts, l: Locale, subject: string, lead: string, withPlace = true): MailContent {
  const en = l === 'en';
  const before = f.previousSession
    ? block([
        en ? 'Before the change:' : '变更前：',
        en
          ? `Time: ${formatTimeRange(f.previousSession.startsAt, f.previousSession.endsAt, l)}`
          : `时间：${formatTimeRange(f.previousSession.startsAt, f.previousSession.endsAt, l)}`,
        en ? `Where: ${formatWhere(f.previousSession, l)}` : `地点：${formatWhere(f.previousSession, l)}`,
      ])
    : '';
  const place = withPlace
    ? block([
        f.checkInCode && checkInLine(f.checkInCode, f.session, l),
        f.manageUrl && (en ? `Manage your registration: ${f.manageUrl}` : `查看或取消报名：${f.manageUrl}`),
      ])
    : block([f.manageUrl && (en ? `Your registration: ${f.manageUrl}` : `查看报名：${f.manageUrl}`)]);
  const reason = f.reason ? (en ? `Reason: ${f.reason}` : `原因：${f.reason}`) : '';
  const now = f.previousSession ? (en ? 'Now:\n' : '变更后：\n') : '';
  return {
    subject,
    paragraphs: [
      greeting(f.recipientName, l),
      lead,
      now + block(sessionLines(f.session, l)),
      before,
      reason,
      place,
      signature(l),
    ].filter((p) => p !== ''),
  };
}

/** Messages to everyone registered for a session: reminders and the organizer's changes. */
export const SESSION_TEMPLATES: TemplateTable<SessionType> = {
  session_reminder: (f, l) =>
    l === 'en'
      ? mail(
          f,
          l,
          `Reminder: ${sessionName(f.session)} starts ${formatTimeRange(f.session.startsAt, f.session.endsAt, l)}`,
          'A reminder of the session you registered for. A calendar entry is attached.',
        )
      : mail(
          f,
          l,
          `活动提醒：${sessionName(f.session)} 将于 ${formatTimeRange(f.session.startsAt, f.session.endsAt, l)} 举行`,
          '提醒您参加已报名的活动，日程文件见附件。',
        ),
  session_changed: (f, l) =>
    l === 'en'
      ? mail(
          f,
          l,
          `Session details changed: ${sessionName(f.session)}`,
          'The organizer has changed the details of a session you registered for. Your registration stays valid.',
        )
      : mail(f, l, `活动信息变更：${sessionName(f.session)}`, '您报名的活动信息已变更，您的报名继续有效。'),
  session_postponed: (f, l) =>
    l === 'en'
      ? mail(
          f,
          l,
          `Session postponed: ${sessionName(f.session)}`,
          'The session you registered for has been postponed. Your registration stays valid for the new date.',
        )
      : mail(f, l, `活动延期：${sessionName(f.session)}`, '您报名的活动已延期举行，您的报名对新的时间继续有效。'),
  session_cancelled: (f, l) =>
    l === 'en'
      ? mail(
          f,
          l,
          `Session cancelled: ${sessionName(f.session)}`,
          'We are sorry: the session you registered for has been cancelled.',
          false,
        )
      : mail(f, l, `活动取消：${sessionName(f.session)}`, '很抱歉，您报名的活动已取消。', false),
  session_moved_online: (f, l) =>
    l === 'en'
      ? mail(
          f,
          l,
          `Session moved online: ${sessionName(f.session)}`,
          `The session you registered for will now be held online: ${f.session.onlineUrl ?? ''}`.trim(),
        )
      : mail(
          f,
          l,
          `活动改为线上举办：${sessionName(f.session)}`,
          `您报名的活动改为线上举办，参加链接：${f.session.onlineUrl ?? '另行通知'}`,
        ),
};
