import type { Role } from './roles';

export interface Me {
  id: number;
  email: string;
  role: Role;
  unitIds: number[];
  sessionIds: number[];
}

export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

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
  mode: 'offline' | 'online' | 'hybrid';
  onlineUrl: string | null;
  registrationOpensAt: string;
  registrationClosesAt: string;
  requiresApproval: boolean;
  waitlistEnabled: boolean;
  status: string;
  version: number;
  quotas: QuotaView[];
}

export interface TargetView {
  id: number;
  code: string;
  activityId: number | null;
  metric: string;
  label: string;
  target: number;
  comparator: string;
  unit: string;
  period: string;
  source: string;
  responsibleUnits: UnitRef[];
}

export interface MyActivity {
  id: number;
  code: string;
  label: string;
  title: string;
  shortTitle: string | null;
  window: { start: string; end: string; text: string };
  mode: string;
  leadUnits: UnitRef[];
  hostUnits: UnitRef[];
  targets: TargetView[];
  sessions: SessionView[];
}

export interface MyPrograms {
  programs: {
    code: string;
    title: string;
    series: { id: number; label: string; title: string; activities: MyActivity[] }[];
  }[];
}

export interface RosterItem {
  id: number;
  category: string;
  level: string | null;
  status: string;
  waitlistPosition?: number;
  name: string;
  unitName: string | null;
  uscc: string | null;
  email: string;
  phone: string | null;
  idNumber: string | null;
  channel: string;
  createdAt: string;
  checkedInAt: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CheckInAnswer {
  registrationId: number;
  checkedInAt: string;
  first: boolean;
  name: string;
  category: string;
  unitName: string | null;
}

export interface AttendanceView {
  byCategory: { category: string; capacity: number; registered: number; checkedIn: number }[];
  total: { capacity: number; registered: number; checkedIn: number };
}
