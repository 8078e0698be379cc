import { NormalizedRegistration } from './dto/profile.validator';
import { CreateRegistrationDto, Locale } from './dto/registration.dto';
import { RegistrationEntity, RegistrationStatus } from './entities';
import { newCheckInCode } from './manage-token';

export interface NewRegistration {
  sessionId: number;
  participantId: number;
  dto: CreateRegistrationDto;
  norm: NormalizedRegistration;
  locale: Locale;
  status: RegistrationStatus;
  waitlistSeq: number | null;
  tokenNonce: string;
  channel: 'online' | 'walk_in';
  now: Date;
}

/**
 * The row of a new registration, active (its `activeKey` is the participant), with a fresh
 * check-in code: the one place that maps a validated request to registration columns, for the
 * one-by-one path and group commit alike.
 */
export function newRegistrationRow(n: NewRegistration): RegistrationEntity {
  const { dto, norm, now } = n;
  return Object.assign(new RegistrationEntity(), {
    sessionId: n.sessionId,
    participantId: n.participantId,
    category: dto.category,
    level: norm.level,
    status: n.status,
    activeKey: n.participantId,
    waitlistSeq: n.waitlistSeq,
    tokenNonce: n.tokenNonce,
    checkInCode: newCheckInCode(),
    name: dto.name,
    email: dto.email,
    phone: norm.phone,
    idNumber: norm.idNumber,
    locale: n.locale,
    profile: norm.profile,
    answers: dto.answers ?? null,
    consentVersion: dto.consentVersion ?? null,
    consentedAt: dto.consentVersion ? now : null,
    statusReason: null,
    channel: n.channel,
    checkedInAt: null,
    createdAt: now,
    updatedAt: now,
  } satisfies Omit<RegistrationEntity, 'id'>);
}
