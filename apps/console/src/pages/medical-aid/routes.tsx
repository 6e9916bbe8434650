import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

const Upcoming = lazy(() => import('../upcoming'));

export const medicalAidRoutes: RouteObject[] = [
  { path: 'medical-aid', element: page(<Upcoming title="医疗互助" />) },
  { path: 'medical-aid/*', element: page(<Upcoming title="医疗互助" />) },
  { path: 'admin/periods', element: page(<Upcoming title="医疗互助" />) },
];
