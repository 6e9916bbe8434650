import { CAMPAIGN_ID, submitted } from '../testing/grants.fixtures';
import { campaignEvents, projectApplication, projectCampaign } from '../testing/read-model.fixtures';
import type { ApplicationRow } from './application-row.projection';
import { campaignReport } from './campaign-report';
import type { CampaignRow } from './campaign-row.projection';

describe('campaignReport', () => {
  const campaign = projectCampaign(campaignEvents) as CampaignRow;
  const app = (
    n: number,
    status: ApplicationRow['status'],
    overrides: Partial<ApplicationRow> = {},
  ): ApplicationRow => ({
    ...(projectApplication([submitted({ applicationId: `a-${n}` })]) as ApplicationRow),
    status,
    ...overrides,
  });
  const senior = {
    student: { idNumberMasked: 'x', name: 'y', level: 'senior_high', school: 'z' },
    amountFen: 200_000,
  } as const;
  const rows = [
    app(1, 'disbursed', { late: true }),
    app(2, 'withdrawn', senior),
    app(3, 'approved', senior),
    app(4, 'submitted'),
    app(5, 'rejected'),
    app(6, 'on_hold', { heldFrom: 'submitted' }),
    app(7, 'submitted', { campaignId: 'another' }),
  ];

  it('sums applications by status and level, and takes the budget from the campaign ledger', () => {
    const report = campaignReport(campaign, rows);
    expect(report.byStatus).toEqual({
      submitted: { count: 1, amountFen: 500_000 },
      approved: { count: 1, amountFen: 200_000 },
      rejected: { count: 1, amountFen: 500_000 },
      disbursed: { count: 1, amountFen: 500_000 },
      withdrawn: { count: 1, amountFen: 200_000 },
      on_hold: { count: 1, amountFen: 500_000 },
    });
    expect(report.byLevel).toEqual({
      primary: { count: 0, amountFen: 0 },
      junior_high: { count: 0, amountFen: 0 },
      senior_high: { count: 2, amountFen: 400_000 },
      vocational: { count: 0, amountFen: 0 },
      undergraduate: { count: 4, amountFen: 2_000_000 },
      postgraduate: { count: 0, amountFen: 0 },
    });
    expect(report).toMatchObject({
      campaignId: CAMPAIGN_ID,
      budgetFen: 1_000_000,
      approvedFen: 700_000,
      disbursedFen: 500_000,
      reservedFen: 200_000,
      remainingFen: 300_000,
      lateDisbursements: { count: 1, amountFen: 500_000 },
    });
    expect(report.approvedFen).toBe(report.reservedFen + report.disbursedFen);
  });

  it('counts a grant held after approval as approved', () => {
    expect(campaignReport(campaign, [app(8, 'on_hold', { heldFrom: 'approved' })]).approvedFen).toBe(500_000);
  });
});
