import { createBrowserRouter, type RouteObject } from 'react-router';
import { consoleRoutes } from './console/routes';
import { AppLayout } from './layout/AppLayout';

/** Every page is its own chunk: a phone downloads only the page it opens. */
const page = (load: () => Promise<{ default: React.ComponentType }>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    children: [
      { index: true, ...page(() => import('./pages/HomePage')) },
      { path: 'activities/:id', ...page(() => import('./pages/ActivityPage')) },
      { path: 'sessions/:id', ...page(() => import('./pages/SessionPage')) },
      { path: 'r/:id', ...page(() => import('./pages/RegistrationPage')) },
      ...consoleRoutes,
      { path: '*', ...page(() => import('./pages/NotFoundPage')) },
    ],
  },
];

export const router = createBrowserRouter(routes);
