// Streams and folds for the read-model unit tests only.
import type { ApplicationEvent } from '../application/application.events';
import type { CampaignEvent } from '../campaign/campaign.events';
import { evolveApplicationRow, type ApplicationRow } from '../read-models/application-row.projection';
import { evolveCampaignRow, type CampaignRow } from '../read-models/campaign-row.projection';
import { APPLICATION_ID, CAMPAIGN_ID, NOW, campaignOpened, submitted } from './grants.fixtures';

export const projectCampaign = (
  events: readonly CampaignEvent[],
  start: CampaignRow | null = null,
): CampaignRow | null =>
  events.reduce<CampaignRow | null>((row, e, i) => evolveCampaignRow(row, e, i + 1), start);
export const projectApplication = (
  events: readonly ApplicationEvent[],
  start: ApplicationRow | null = null,
): ApplicationRow | null =>
  events.reduce<ApplicationRow | null>((row, e, i) => evolveApplicationRow(row, e, i + 1), start);

export const campaignEvents: CampaignEvent[] = [
  campaignOpened(),
  { type: 'BudgetReserved', data: { applicationId: 'a-1', amountFen: 500_000 } },
  { type: 'BudgetReserved', data: { applicationId: 'a-2', amountFen: 200_000 } },
  { type: 'GrantPaidFromBudget', data: { applicationId: 'a-1', amountFen: 500_000 } },
  { type: 'ReservationReleased', data: { applicationId: 'a-2', amountFen: 200_000, reason: 'withdrawn' } },
  { type: 'BudgetReserved', data: { applicationId: 'a-3', amountFen: 200_000 } },
  { type: 'CampaignClosed', data: { campaignId: CAMPAIGN_ID, closedBy: 'admin-1', closedAt: NOW } },
];

const id = APPLICATION_ID;
export const applicationEvents: ApplicationEvent[] = [
  submitted(),
  {
    type: 'GrantApplicationApproved',
    data: { applicationId: id, by: 'reviewer-1', at: NOW, recurring: true },
  },
  {
    type: 'GrantApplicationPutOnHold',
    data: {
      applicationId: id,
      previousStatus: 'approved',
      reason: 'parent_case_closed',
      caseId: 'k',
      at: NOW,
    },
  },
  {
    type: 'GrantApplicationReleasedFromHold',
    data: { applicationId: id, restoredStatus: 'approved', at: NOW },
  },
  {
    type: 'GrantDisbursed',
    data: {
      ...{
        applicationId: id,
        campaignId: CAMPAIGN_ID,
        parentPersonRef: 'ref-parent',
        studentPersonRef: 'ref-student',
      },
      ...{
        level: 'undergraduate',
        amountFen: 500_000,
        paymentRef: 'PAY-1',
        paidOn: '2024-09-03',
        late: true,
        by: 'c-2',
        at: NOW,
      },
    },
  },
];
