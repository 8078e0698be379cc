import type { NotificationFacts } from '../notification.types';

/** A scheduled offline session as the template tests render it (tests only). */
export const session = {
  id: 7,
  activityTitle: '泉州人才港湾博览会',
  title: '企业对接专场',
  startsAt: '2025-03-15T01:00:00.000Z',
  endsAt: '2025-03-15T09:30:00.000Z',
  venue: '海峡体育中心',
  city: '泉州市',
  mode: 'offline' as const,
  onlineUrl: null,
  status: 'scheduled',
};

/** Facts that fill every registrant template: a code, a move, a waitlist place and a reason. */
export const facts: NotificationFacts = {
  recipientName: '王芳',
  session,
  previousSession: { ...session, startsAt: '2025-03-14T01:00:00.000Z', endsAt: '2025-03-14T09:30:00.000Z' },
  registrationId: 12,
  manageUrl: 'https://talent.example/api/registrations/12?token=abc',
  checkInCode: 'K7Q2M9',
  waitlistPosition: 3,
  reason: '名额调整',
};
