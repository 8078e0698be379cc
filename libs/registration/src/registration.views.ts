import { RegistrationEntity } from './entities';
import { maskIdNumber, maskPhone } from './identifiers';

export interface RegistrationCreated {
  id: number;
  status: string;
  waitlistPosition?: number;
  manageToken: string;
}

/** What the holder of the manage token (or an organizer) sees of one registration. */
export function registrationView(reg: RegistrationEntity, waitlistPosition: number | undefined, activityId: number) {
  return {
    id: reg.id,
    sessionId: reg.sessionId,
    activityId,
    category: reg.category,
    status: reg.status,
    ...(waitlistPosition !== undefined ? { waitlistPosition } : {}),
    ...(reg.status === 'confirmed' ? { checkInCode: reg.checkInCode } : {}),
    name: reg.name,
    email: reg.email,
    phone: reg.phone,
    idNumber: reg.idNumber,
    locale: reg.locale,
    profile: reg.profile,
    answers: reg.answers,
    channel: reg.channel,
    consentVersion: reg.consentVersion,
    consentedAt: reg.consentedAt ? reg.consentedAt.toISOString() : null,
    statusReason: reg.statusReason,
    createdAt: reg.createdAt.toISOString(),
    updatedAt: reg.updatedAt.toISOString(),
  };
}

/** A row of the organizer's list; personal numbers masked unless the caller may see them. */
export function registrationListItem(reg: RegistrationEntity, waitlistPosition: number | undefined, reveal: boolean) {
  return {
    id: reg.id,
    participantId: reg.participantId,
    category: reg.category,
    level: reg.level,
    status: reg.status,
    ...(waitlistPosition !== undefined ? { waitlistPosition } : {}),
    name: reg.name,
    unitName: unitNameOf(reg),
    uscc: typeof reg.profile?.uscc === 'string' ? reg.profile.uscc : null,
    email: reg.email,
    phone: reveal ? reg.phone : maskPhone(reg.phone),
    idNumber: reveal ? reg.idNumber : maskIdNumber(reg.idNumber),
    profile: reg.profile,
    answers: reg.answers,
    channel: reg.channel,
    createdAt: reg.createdAt.toISOString(),
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/**
 * The registrant's unit (单位名称): an enterprise or institution is its own unit; a person's is
 * the institution, university, employer or organization given in the profile.
 */
export function unitNameOf(reg: Pick<RegistrationEntity, 'category' | 'name' | 'profile'>): string | null {
  const p = reg.profile ?? {};
  if (reg.category === 'enterprise') return reg.name;
  if (reg.category === 'institution') return str(p.organization) ?? reg.name;
  return str(p.institution) ?? str(p.university) ?? str(p.employer) ?? str(p.organization) ?? null;
}
