import type { RouteObject } from 'react-router';

/**
 * Mount point of the organizer console (issue 11). The app's router (declarative mode, useRoutes)
 * spreads these routes next to the public pages, inside the same layout; give each route an
 * `element` or a `Component` (React.lazy for its own chunk), not `lazy`. `consoleNavItems`
 * become header links.
 */
export const consoleRoutes: RouteObject[] = [];

export interface ConsoleNavItem {
  path: string;
  /** i18n key or plain label */
  label: string;
}

export const consoleNavItems: ConsoleNavItem[] = [];
