import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

// 审批 (reviewer) and 区域政策 (admin): each screen is its own chunk (CONSOLE.md, "Budgets").
const Approvals = lazy(() => import('./approvals'));
const Policies = lazy(() => import('./policies'));

export const approvalsRoutes: RouteObject[] = [
  { path: 'approvals', element: page(<Approvals />) },
  { path: 'admin/policies', element: page(<Policies />) },
];
