import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

const Upcoming = lazy(() => import('../upcoming'));

export const auditRoutes: RouteObject[] = [
  { path: 'audit', element: page(<Upcoming title="审计" />) },
  { path: 'audit/*', element: page(<Upcoming title="审计" />) },
];
