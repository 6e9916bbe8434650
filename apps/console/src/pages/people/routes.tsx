import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

// 人员查询: one chunk for the search and the person's view.
const PeoplePage = lazy(() => import('./people-page'));

export const peopleRoutes: RouteObject[] = [
  { path: 'people', element: page(<PeoplePage />) },
  { path: 'people/:idNumber', element: page(<PeoplePage />) },
];
