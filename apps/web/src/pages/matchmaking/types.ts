import type { components } from '../../api/schema';

/** The matchmaking views of the API (libs/matchmaking profile.views.ts, meeting.views.ts). */
export type ProfileBody = components['schemas']['MatchProfileDto'];
export type MeetingResult = components['schemas']['MeetingResultDto']['result'];

export type MatchTag = ProfileBody['tags'][number];
export type CooperationMode = NonNullable<ProfileBody['cooperationModes']>[number];

export interface Vocabulary {
  tags: MatchTag[];
  cooperationModes: CooperationMode[];
}

export interface Contact {
  contactName: string | null;
  email: string;
  phone: string | null;
}

export interface MatchProfile {
  registrationId: number;
  side: string;
  name: string;
  organization: string | null;
  published: boolean;
  acceptsSuggested: boolean;
  headline: string | null;
  tags: string[];
  keywords: string[];
  technicalNeeds?: string;
  positionNeeds?: string;
  cooperationModes?: string[];
  expertise?: string;
  researchProjects?: string[];
  contact?: Contact;
}

export interface Suggestion {
  score: number;
  matchedTags: string[];
  matchedKeywords: string[];
  explanation: string;
  profile: MatchProfile;
}

export type MeetingStatus = 'requested' | 'accepted' | 'declined' | 'withdrawn';

export interface Meeting {
  id: number;
  sessionId: number;
  status: MeetingStatus;
  direction: 'outgoing' | 'incoming';
  message: string | null;
  partner: MatchProfile | null;
  myResult: MeetingResult | null;
  partnerResult: MeetingResult | null;
  outcomeId: number | null;
  placement: { tableNo: number; slotNo: number; startsAt: string; endsAt: string } | null;
  createdAt: string;
}

export interface AgendaItem {
  meetingId: number;
  tableNo: number;
  slotNo: number;
  startsAt: string;
  endsAt: string;
  partnerName: string;
  partnerOrganization: string | null;
  partnerContact: string | null;
}

export interface MatchSettings {
  sessionId: number;
  enabled: boolean;
  requestDeadline: string;
  maxOpenRequests: number;
}
