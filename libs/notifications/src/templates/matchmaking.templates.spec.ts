import { NotificationFacts } from '../notification.types';
import { renderNotification } from './render';

const facts: NotificationFacts = {
  recipientName: '泉州测试企业1有限公司',
  session: {
    id: 7,
    activityTitle: '泉州人才港湾博览会',
    title: '博士人才项目对接会',
    startsAt: '2025-03-15T01:00:00.000Z',
    endsAt: '2025-03-15T09:00:00.000Z',
    venue: '海峡体育中心',
    city: '泉州市',
    mode: 'offline',
    onlineUrl: null,
    status: 'scheduled',
  },
  agenda: [
    {
      meetingId: 41,
      tableNo: 3,
      slotNo: 1,
      startsAt: '2025-03-15T01:00:00.000Z',
      endsAt: '2025-03-15T01:20:00.000Z',
      partnerName: '陈博士',
      partnerOrganization: '华侨大学',
      partnerContact: 'chen@hqu.example.edu',
    },
    {
      meetingId: 42,
      tableNo: 1,
      slotNo: 4,
      startsAt: '2025-03-15T02:00:00.000Z',
      endsAt: '2025-03-15T02:20:00.000Z',
      partnerName: '林博士',
      partnerOrganization: null,
      partnerContact: null,
    },
  ],
};

describe('matchmaking_agenda', () => {
  it('lists every meeting in Beijing time and attaches one .ics per meeting', async () => {
    const mail = await renderNotification(
      { id: 9, type: 'matchmaking_agenda', locale: 'zh-CN', facts, createdAt: new Date('2025-03-01T00:00:00Z') },
      'mail.example',
    );
    expect(mail.subject).toBe('您的对接洽谈日程：泉州人才港湾博览会 · 博士人才项目对接会（共2场）');
    expect(mail.text).toContain(
      '第1时段 2025年3月15日（周六） 09:00–09:20（北京时间），第3桌，洽谈对象：陈博士（华侨大学）',
    );
    expect(mail.text).toContain('联系方式：chen@hqu.example.edu');
    expect(mail.text).toContain('第4时段 2025年3月15日（周六） 10:00–10:20（北京时间），第1桌，洽谈对象：林博士');
    const ics = mail.attachments.filter((a) => a.filename.endsWith('.ics'));
    expect(ics.map((a) => a.filename)).toEqual(['meeting-1-table-3.ics', 'meeting-4-table-1.ics']);
    const first = String(ics[0]!.content);
    expect(first).toContain('DTSTART:20250315T010000Z');
    expect(first).toContain('DTEND:20250315T012000Z');
    expect(first).toContain('UID:match-meeting-41@mail.example');
  });
});
