import { SessionEntity, SessionQuotaEntity } from './entities';

export interface QuotaView {
  category: string;
  capacity: number;
  confirmed: number;
  pending: number;
  waitlisted: number;
  available: number;
}

export interface SessionView {
  id: number;
  activityId: number;
  title: string;
  level: string;
  startsAt: string;
  endsAt: string;
  venue: string | null;
  city: string | null;
  mode: string;
  onlineUrl: string | null;
  registrationOpensAt: string;
  registrationClosesAt: string;
  requiresApproval: boolean;
  waitlistEnabled: boolean;
  status: string;
  version: number;
  quotas: QuotaView[];
}

/** Quotas are read from the counters, never counted from registration rows. */
export function quotaView(q: SessionQuotaEntity): QuotaView {
  return {
    category: q.category,
    capacity: q.capacity,
    confirmed: q.confirmed,
    pending: q.pending,
    waitlisted: q.waitlisted,
    available: Math.max(0, q.capacity - q.confirmed - q.pending),
  };
}

export function sessionView(s: SessionEntity, quotas: SessionQuotaEntity[]): SessionView {
  return {
    id: s.id,
    activityId: s.activityId,
    title: s.title,
    level: s.level,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    venue: s.venue,
    city: s.city,
    mode: s.mode,
    onlineUrl: s.onlineUrl,
    registrationOpensAt: s.registrationOpensAt.toISOString(),
    registrationClosesAt: s.registrationClosesAt.toISOString(),
    requiresApproval: s.requiresApproval,
    waitlistEnabled: s.waitlistEnabled,
    status: s.status,
    version: s.version,
    quotas: quotas.filter((q) => q.sessionId === s.id).map(quotaView),
  };
}
