import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

const Upcoming = lazy(() => import('../upcoming'));

export const peopleRoutes: RouteObject[] = [
  { path: 'people', element: page(<Upcoming title="人员查询" />) },
  { path: 'people/:idNumber', element: page(<Upcoming title="人员查询" />) },
];
