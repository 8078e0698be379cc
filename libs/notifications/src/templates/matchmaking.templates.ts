import type { AgendaMeetingFacts, Locale, NotificationFacts, SessionFacts } from '../notification.types';
import { formatTimeRange, greeting, sessionLines, sessionName, signature } from './format';
import type { TemplateTable } from './template.types';

/** One agenda meeting as a calendar entry: the slot's times, the table and the partner in the summary. */
export function meetingAsSession(f: NotificationFacts, m: AgendaMeetingFacts, locale: Locale): SessionFacts {
  const who = [m.partnerName, m.partnerOrganization].filter(Boolean).join(' · ');
  const title = locale === 'en' ? `1:1 meeting, table ${m.tableNo}: ${who}` : `一对一洽谈 第${m.tableNo}桌：${who}`;
  return { ...f.session, title, startsAt: m.startsAt, endsAt: m.endsAt };
}

/** "第3时段 2025年…09:20–09:40（北京时间） 第5桌 与 博士12（华侨大学）" */
export function agendaLine(m: AgendaMeetingFacts, locale: Locale): string {
  const time = formatTimeRange(m.startsAt, m.endsAt, locale);
  const who = m.partnerOrganization ? `${m.partnerName}（${m.partnerOrganization}）` : m.partnerName;
  const contact = m.partnerContact
    ? locale === 'en'
      ? `; contact: ${m.partnerContact}`
      : `；联系方式：${m.partnerContact}`
    : '';
  return locale === 'en'
    ? `Slot ${m.slotNo}, ${time}, table ${m.tableNo}, with ${who}${contact}`
    : `第${m.slotNo}时段 ${time}，第${m.tableNo}桌，洽谈对象：${who}${contact}`;
}

/** The matchmaking agenda: every 1:1 meeting of the recipient, one .ics per meeting attached. */
export const MATCHMAKING_TEMPLATES: TemplateTable<'matchmaking_agenda'> = {
  matchmaking_agenda: (f, l) => {
    const agenda = f.agenda ?? [];
    const en = l === 'en';
    return {
      subject: en
        ? `Your matchmaking agenda: ${sessionName(f.session)} (${agenda.length} meetings)`
        : `您的对接洽谈日程：${sessionName(f.session)}（共${agenda.length}场）`,
      paragraphs: [
        greeting(f.recipientName, l),
        en
          ? 'Your 1:1 meetings are scheduled. A calendar entry for each meeting is attached.'
          : '您的一对一洽谈已排定，每场洽谈的日程文件见附件。',
        sessionLines(f.session, l).join('\n'),
        agenda.length
          ? agenda.map((m) => agendaLine(m, l)).join('\n')
          : en
            ? 'No meeting has been scheduled for you.'
            : '暂未为您安排洽谈。',
        f.manageUrl ? (en ? `Your agenda online: ${f.manageUrl}` : `在线查看日程：${f.manageUrl}`) : '',
        signature(l),
      ].filter((p) => p !== ''),
    };
  },
};
