/**
 * Response shapes the pages read. The OpenAPI document does not declare response schemas yet
 * (issue 10, "openapi" part); once it does, these become aliases of `components['schemas']`.
 */
export type Category = 'enterprise' | 'phd' | 'skilled_talent' | 'graduate' | 'worker' | 'institution' | 'startup_team';

export type RegistrationStatus = 'confirmed' | 'pending_approval' | 'waitlisted' | 'cancelled' | 'rejected';

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

export interface ProgramSummary {
  code: string;
  title: string;
  documentNumber: string | null;
  issuedOn: string;
  period: { start: string; end: string; text: string };
  activityCount: number;
}

export interface ActivitySummary {
  id: number;
  code: string;
  label: string;
  title: string;
  shortTitle: string | null;
  kind: string;
  window: { start: string; end: string; text: string };
  city: string | null;
  mode: string;
  content: string;
  leadUnits: UnitRef[];
  hostUnits: UnitRef[];
  note: string | null;
}

export interface Program extends ProgramSummary {
  series: { id: number; ordinal: number; label: string; title: string; activities: ActivitySummary[] }[];
}

export interface Quota {
  category: Category;
  capacity: number;
  confirmed: number;
  pending: number;
  waitlisted: number;
  available: number;
}

export interface Session {
  id: number;
  activityId: number;
  title: string;
  level: string;
  startsAt: string;
  endsAt: string;
  venue: string | null;
  city: string | null;
  mode: 'offline' | 'online' | 'hybrid';
  onlineUrl: string | null;
  registrationOpensAt: string;
  registrationClosesAt: string;
  requiresApproval: boolean;
  waitlistEnabled: boolean;
  status: string;
  quotas: Quota[];
}

export interface Activity extends ActivitySummary {
  sessions: Session[];
}

export interface RegistrationCreated {
  id: number;
  status: RegistrationStatus;
  waitlistPosition?: number;
  manageToken: string;
}

export interface Registration {
  id: number;
  sessionId: number;
  activityId: number;
  category: Category;
  status: RegistrationStatus;
  waitlistPosition?: number;
  checkInCode?: string;
  name: string;
  email: string;
  statusReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The API's error body (DESIGN.md, public HTTP contract). */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  error?: string;
  message: string;
  details?: { field: string; reason: string }[];
}
