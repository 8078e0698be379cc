import type { components } from '../../api/schema';

/** The console's names for the generated schemas of the API's OpenAPI document. */
type Schemas = components['schemas'];

export type Me = Schemas['MeResponse'];
export type UnitRef = Schemas['UnitRefResponse'];
export type QuotaView = Schemas['QuotaResponse'];
export type SessionView = Schemas['SessionResponse'];
export type TargetView = Schemas['TargetResponse'];
export type MyActivity = Schemas['MyActivityResponse'];
export type MyPrograms = Schemas['MyActivitiesResponse'];
export type RosterItem = Schemas['RosterItemResponse'];
export type CheckInAnswer = Schemas['CheckInResponse'];
export type AttendanceView = Schemas['SessionAttendanceResponse'];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
