import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

// 医疗互助: every screen is its own chunk (CONSOLE.md, "Budgets"); exceljs is loaded by the
// roster screen only when a roster is read or written.
const PeriodList = lazy(() => import('./period-list'));
const PeriodPage = lazy(() => import('./period-page'));
const EnrollRoster = lazy(() => import('./enroll-roster'));
const ClaimList = lazy(() => import('./claim-list'));
const ClaimForm = lazy(() => import('./claim-form'));
const ClaimPage = lazy(() => import('./claim-page'));
const AdminPeriods = lazy(() => import('./admin-periods'));
const PeriodForm = lazy(() => import('./period-form'));

export const medicalAidRoutes: RouteObject[] = [
  { path: 'medical-aid', element: page(<PeriodList />) },
  { path: 'medical-aid/periods/:periodId', element: page(<PeriodPage />) },
  { path: 'medical-aid/periods/:periodId/enroll', element: page(<EnrollRoster />) },
  { path: 'medical-aid/claims', element: page(<ClaimList />) },
  { path: 'medical-aid/claims/new', element: page(<ClaimForm />) },
  { path: 'medical-aid/claims/:claimId', element: page(<ClaimPage />) },
  { path: 'admin/periods', element: page(<AdminPeriods />) },
  { path: 'admin/periods/new', element: page(<PeriodForm />) },
  { path: 'admin/periods/:periodId', element: page(<PeriodPage />) },
];
