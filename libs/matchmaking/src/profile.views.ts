import { RegistrationEntity } from '@app/registration';
import { MatchProfileEntity } from './entities';
import { MatchScore } from './matching';

/** Contact data: present only once a meeting between viewer and owner is accepted. */
export interface ContactView {
  contactName: string | null;
  email: string;
  phone: string | null;
}

export interface ProfileView {
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
  contact?: ContactView;
}

export interface SuggestionView extends MatchScore {
  profile: ProfileView;
  /** "共同标签：新材料、纺织鞋服；共同关键词：碳纤维" */
  explanation: string;
}

export function contactOf(reg: RegistrationEntity): ContactView {
  const contactName =
    typeof reg.profile?.contactName === 'string'
      ? reg.profile.contactName
      : reg.category === 'enterprise'
        ? null
        : reg.name;
  return { contactName, email: reg.email, phone: reg.phone };
}

/** A profile as others see it; `contact` only when the caller may see it. */
export function profileView(p: MatchProfileEntity, contact?: ContactView): ProfileView {
  return {
    registrationId: p.registrationId,
    side: p.side,
    name: p.displayName,
    organization: p.organization,
    published: p.published,
    acceptsSuggested: p.acceptsSuggested,
    headline: p.headline,
    tags: p.tags,
    keywords: p.keywords,
    ...p.details,
    ...(contact ? { contact } : {}),
  };
}

export function explain(s: MatchScore): string {
  const parts = [
    s.matchedTags.length ? `共同标签：${s.matchedTags.join('、')}` : '',
    s.matchedKeywords.length ? `共同关键词：${s.matchedKeywords.join('、')}` : '',
  ].filter(Boolean);
  return parts.join('；') || '无共同标签';
}
