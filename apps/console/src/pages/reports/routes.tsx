import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

// 统计报表: its own chunk; ECharts is loaded by it only when a chart is drawn.
const ReportsPage = lazy(() => import('./reports-page'));

export const reportsRoutes: RouteObject[] = [{ path: 'reports', element: page(<ReportsPage />) }];
