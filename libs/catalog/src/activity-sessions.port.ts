/**
 * The catalog shows an activity's sessions without depending on the registration
 * module: registration provides this port (dependency inversion keeps libs one-way).
 */
export const ACTIVITY_SESSIONS = Symbol('ACTIVITY_SESSIONS');

export interface ActivitySessionsReader {
  sessionsOf(activityId: number): Promise<unknown[]>;
  /** which of `ids` are sessions (identity checks the sessions a check-in staff account is scoped to) */
  existingSessionIds(ids: number[]): Promise<Set<number>>;
}
