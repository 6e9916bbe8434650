import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { createApi } from '../../api/client';
import { queryClient } from '../../api/query-client';
import { loadSession } from '../../auth/session';
import { homeFor } from '../../layout/menu';
import { page } from '../page';
import { prefetchWorkbench } from './workbench-queries';

// 工作台 is its own chunk and loads only what it needs (CONSOLE.md, "Budgets"); the whole list
// behind a count of another programme is another.
const loadWorkbench = () => import('./workbench');
const Workbench = lazy(loadWorkbench);
// 工作台 is where a caseworker lands: when the first page is it (or the landing), its chunk and
// its counts are fetched while the shell is still starting, not after the router has rendered.
// The counts' requests carry the stored session's token; a refused one is asked again by the
// page itself, whose client answers a 401 by going back to sign-in.
const session = loadSession();
const path = window.location.pathname;
if (session && (path === '/workbench' || (path === '/' && homeFor(session.roles) === '/workbench'))) {
  void loadWorkbench();
  prefetchWorkbench(
    queryClient,
    createApi(() => loadSession()?.token, () => undefined),
  );
}
const WorklistPage = lazy(() => import('./worklist-page'));

export const workbenchRoutes: RouteObject[] = [
  { path: 'workbench', element: page(<Workbench />) },
  { path: 'workbench/:list', element: page(<WorklistPage />) },
];
