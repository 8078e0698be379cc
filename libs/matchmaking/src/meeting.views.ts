import { MatchMeetingEntity } from './entities';
import { ProfileView } from './profile.views';

export interface MeetingView {
  id: number;
  sessionId: number;
  status: string;
  direction: 'outgoing' | 'incoming';
  message: string | null;
  partner: ProfileView | null;
  myResult: string | null;
  partnerResult: string | null;
  outcomeId: number | null;
  placement: { tableNo: number; slotNo: number; startsAt: string; endsAt: string } | null;
  createdAt: string;
}

export function meetingView(
  m: MatchMeetingEntity,
  me: number,
  partner: ProfileView | null,
  placement: MeetingView['placement'] = null,
): MeetingView {
  const iAmEnterprise = m.enterpriseRegistrationId === me;
  return {
    id: m.id,
    sessionId: m.sessionId,
    status: m.status,
    direction: m.requesterRegistrationId === me ? 'outgoing' : 'incoming',
    message: m.message,
    partner,
    myResult: iAmEnterprise ? m.enterpriseResult : m.partnerResult,
    partnerResult: iAmEnterprise ? m.partnerResult : m.enterpriseResult,
    outcomeId: m.outcomeId,
    placement,
    createdAt: m.createdAt.toISOString(),
  };
}
