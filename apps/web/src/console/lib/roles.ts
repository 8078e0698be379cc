export type Role = 'admin' | 'organizer' | 'checkin_staff';

/** Console sections and who sees them: pages for other roles are absent, not merely disabled. */
export const SECTIONS = {
  activities: ['admin', 'organizer'],
  desk: ['admin', 'organizer', 'checkin_staff'],
  outcomes: ['admin', 'organizer'],
  dashboard: ['admin', 'organizer'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Section = keyof typeof SECTIONS;

export const allows = (role: Role | undefined, section: Section): boolean =>
  role !== undefined && (SECTIONS[section] as readonly Role[]).includes(role);

/** Where a role starts. */
export const homeOf = (role: Role): string => (role === 'checkin_staff' ? '/console/desk' : '/console/activities');
