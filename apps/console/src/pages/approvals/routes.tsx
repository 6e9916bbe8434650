import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

const Upcoming = lazy(() => import('../upcoming'));

export const approvalsRoutes: RouteObject[] = [
  { path: 'approvals', element: page(<Upcoming title="审批" />) },
  { path: 'admin/policies', element: page(<Upcoming title="审批" />) },
];
