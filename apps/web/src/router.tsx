import { lazy } from 'react';
import { useRoutes, type RouteObject } from 'react-router';
import { consoleRoutes } from './console/routes';
import { AppLayout } from './layout/AppLayout';

/**
 * Every page is its own chunk (React.lazy): a phone downloads only the page it opens. The router
 * runs in declarative mode (BrowserRouter + useRoutes): the data router (createBrowserRouter) adds
 * ~20 KB gzipped to every first load and the pages fetch through TanStack Query anyway.
 * Console routes use `element` or `Component` (React.lazy for their own chunks), not `lazy`.
 */
const HomePage = lazy(() => import('./pages/HomePage'));
const ActivityPage = lazy(() => import('./pages/ActivityPage'));
const SessionPage = lazy(() => import('./pages/SessionPage'));
const RegistrationPage = lazy(() => import('./pages/RegistrationPage'));
const MatchmakingPage = lazy(() => import('./pages/matchmaking/MatchmakingPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    children: [
      { index: true, Component: HomePage },
      { path: 'activities/:id', Component: ActivityPage },
      { path: 'sessions/:id', Component: SessionPage },
      { path: 'r/:id', Component: RegistrationPage },
      { path: 'r/:id/matchmaking', Component: MatchmakingPage },
      ...consoleRoutes,
      { path: '*', Component: NotFoundPage },
    ],
  },
];

export function AppRoutes() {
  return useRoutes(routes);
}
