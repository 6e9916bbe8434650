import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

// The auditor's screens (CONSOLE.md, "Auditor"), each its own chunk; they read only.
const AuditHome = lazy(() => import('./audit-home'));
const PersonTimeline = lazy(() => import('./person-timeline'));
const RecordHistory = lazy(() => import('./record-history'));
const AsDecided = lazy(() => import('./as-decided'));
const Verify = lazy(() => import('./verify'));
const Trace = lazy(() => import('./trace'));
const AccessLog = lazy(() => import('./access-log'));
const Rebuild = lazy(() => import('./rebuild'));
const Upcoming = lazy(() => import('../upcoming'));

export const auditRoutes: RouteObject[] = [
  { path: 'audit', element: page(<AuditHome />) },
  { path: 'audit/people', element: page(<PersonTimeline />) },
  { path: 'audit/records/:service/:streamId', element: page(<RecordHistory />) },
  { path: 'audit/records/:service/:streamId/decisions/:version', element: page(<AsDecided />) },
  { path: 'audit/verify', element: page(<Verify />) },
  { path: 'audit/trace', element: page(<Trace />) },
  { path: 'audit/trace/:correlationId', element: page(<Trace />) },
  { path: 'audit/access-log', element: page(<AccessLog />) },
  { path: 'audit/rebuild', element: page(<Rebuild />) },
  { path: 'audit/*', element: page(<Upcoming title="页面不存在" missing />) },
];
