import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

const Upcoming = lazy(() => import('../upcoming'));

export const grantsRoutes: RouteObject[] = [
  { path: 'grants', element: page(<Upcoming title="金秋助学" />) },
  { path: 'grants/*', element: page(<Upcoming title="金秋助学" />) },
  { path: 'admin/campaigns', element: page(<Upcoming title="金秋助学" />) },
];
