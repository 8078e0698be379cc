import { lazy } from 'react';
import type { RouteObject } from 'react-router';

// every console page is its own chunk: the public pages never download them
const LoginPage = lazy(() => import('./pages/LoginPage'));
const ConsoleLayout = lazy(() => import('./ConsoleLayout'));
const ConsoleHome = lazy(() => import('./pages/ConsoleHome'));
const MyActivitiesPage = lazy(() => import('./pages/MyActivitiesPage'));
const SessionFormPage = lazy(() => import('./pages/SessionFormPage'));
const RegistrationsPage = lazy(() => import('./pages/RegistrationsPage'));
const DeskPage = lazy(() => import('./desk/DeskPage'));
const OutcomesPage = lazy(() => import('./pages/OutcomesPage'));
const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));
const AdminPage = lazy(() => import('./admin/AdminPage'));

/**
 * The organizer console (issue 11), mounted by the app's router inside its layout. The console
 * layout decides what a role sees and sends the signed-out to 登录.
 */
export const consoleRoutes: RouteObject[] = [
  { path: 'console/login', Component: LoginPage },
  {
    path: 'console',
    Component: ConsoleLayout,
    children: [
      { index: true, Component: ConsoleHome },
      { path: 'activities', Component: MyActivitiesPage },
      { path: 'activities/:activityId/sessions/new', Component: SessionFormPage },
      { path: 'sessions/:sessionId/edit', Component: SessionFormPage },
      { path: 'sessions/:sessionId/registrations', Component: RegistrationsPage },
      { path: 'desk', Component: DeskPage },
      { path: 'desk/:sessionId', Component: DeskPage },
      { path: 'outcomes', Component: OutcomesPage },
      { path: 'dashboard', Component: DashboardPage },
      { path: 'admin', Component: AdminPage },
    ],
  },
];

export interface ConsoleNavItem {
  path: string;
  /** i18n key or plain label */
  label: string;
}

/** One header link (a plain label: the console's strings load with its chunk); inside, the menu follows the role. */
export const consoleNavItems: ConsoleNavItem[] = [{ path: '/console', label: '工作台' }];
