import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

const Upcoming = lazy(() => import('../upcoming'));

export const reportsRoutes: RouteObject[] = [
  { path: 'reports', element: page(<Upcoming title="统计报表" />) },
];
