import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

// 工作台 is its own chunk and loads only what it needs (CONSOLE.md, "Budgets"); the whole list
// behind a count of another programme is another.
const loadWorkbench = () => import('./workbench');
const Workbench = lazy(loadWorkbench);
// 工作台 is where a caseworker lands: when the first page is it (or the landing), its chunk is
// fetched while the shell is still starting, not after the router has rendered.
if (['/', '/workbench'].includes(window.location.pathname)) void loadWorkbench();
const WorklistPage = lazy(() => import('./worklist-page'));

export const workbenchRoutes: RouteObject[] = [
  { path: 'workbench', element: page(<Workbench />) },
  { path: 'workbench/:list', element: page(<WorklistPage />) },
];
