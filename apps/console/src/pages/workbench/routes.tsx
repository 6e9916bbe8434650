import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

// 工作台 is its own chunk and loads only what it needs (CONSOLE.md, "Budgets"); the whole list
// behind a count of another programme is another.
const Workbench = lazy(() => import('./workbench'));
const WorklistPage = lazy(() => import('./worklist-page'));

export const workbenchRoutes: RouteObject[] = [
  { path: 'workbench', element: page(<Workbench />) },
  { path: 'workbench/:list', element: page(<WorklistPage />) },
];
