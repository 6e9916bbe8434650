import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { page } from '../page';

// 金秋助学: every screen is its own chunk (CONSOLE.md, "Budgets").
const CampaignBoard = lazy(() => import('./campaign-board'));
const CampaignApplications = lazy(() => import('./campaign-applications'));
const ApplicationNew = lazy(() => import('./application-new'));
const AdminCampaigns = lazy(() => import('./admin-campaigns'));

export const grantsRoutes: RouteObject[] = [
  { path: 'grants', element: page(<CampaignBoard />) },
  { path: 'grants/apply', element: page(<ApplicationNew />) },
  { path: 'grants/campaigns/:campaignId', element: page(<CampaignApplications />) },
  { path: 'admin/campaigns', element: page(<AdminCampaigns />) },
];
