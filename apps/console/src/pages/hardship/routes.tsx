import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

// 困难职工档案: every screen is its own chunk (CONSOLE.md, "Budgets").
const CaseList = lazy(() => import('./case-list'));
const CaseFile = lazy(() => import('./case-file'));
const OpenCase = lazy(() => import('./open-case'));
const Referrals = lazy(() => import('./referrals'));

export const hardshipRoutes: RouteObject[] = [
  { path: 'cases', element: page(<CaseList />) },
  { path: 'cases/new', element: page(<OpenCase />) },
  { path: 'cases/:caseId', element: page(<CaseFile />) },
  { path: 'referrals', element: page(<Referrals />) },
];
