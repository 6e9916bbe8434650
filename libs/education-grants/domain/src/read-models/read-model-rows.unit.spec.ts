import { APPLICATION_ID, CAMPAIGN_ID, CONSENT, NOW, submitted } from '../testing/grants.fixtures';
import {
  applicationEvents,
  campaignEvents,
  projectApplication,
  projectCampaign,
} from '../testing/read-model.fixtures';
import type { CampaignFacts } from '../application/application.commands';
import { applicationRowToRecurringSource, isLive } from './application-row.projection';

const id = APPLICATION_ID;

describe('evolveCampaignRow', () => {
  it('gives a row a submission can use as its campaign facts', () => {
    const facts: CampaignFacts | null = projectCampaign(campaignEvents);
    expect(facts).toMatchObject({ status: 'closed', opensOn: '2024-07-01', closesOn: '2024-08-20' });
  });

  it('shows the budget ledger and the status', () => {
    expect(projectCampaign(campaignEvents)).toMatchObject({
      campaignId: CAMPAIGN_ID,
      version: 7,
      status: 'closed',
      closedAt: NOW,
      budgetFen: 1_000_000,
      reservedFen: 200_000,
      disbursedFen: 500_000,
      remainingFen: 300_000,
      amountsByLevelFen: { senior_high: 200_000, undergraduate: 500_000 },
      eligibleTiers: ['deep', 'relative'],
    });
  });

  it('is deterministic and idempotent: replaying the events over the row changes nothing', () => {
    const row = projectCampaign(campaignEvents);
    expect(projectCampaign(campaignEvents)).toEqual(row);
    expect(projectCampaign(campaignEvents, row)).toBe(row);
  });

  it('ignores events of a campaign it never saw opened', () => {
    expect(projectCampaign(campaignEvents.slice(1))).toBeNull();
  });
});

describe('evolveApplicationRow', () => {
  it('shows the application as API.md does, with its history folded in', () => {
    expect(projectApplication(applicationEvents)).toEqual({
      applicationId: id,
      version: 5,
      campaignId: CAMPAIGN_ID,
      status: 'disbursed',
      parent: { idNumberMasked: '110105********002X' },
      student: {
        idNumberMasked: '110105********0011',
        name: '王小明',
        level: 'undergraduate',
        school: '青海大学',
      },
      unitId: 'unit-1',
      amountFen: 500_000,
      recurring: true,
      auto: false,
      late: true,
      submittedBy: 'caseworker-1',
      submittedAt: NOW,
      decidedBy: 'reviewer-1',
      decidedAt: NOW,
      rejectionReason: null,
      withdrawalReason: null,
      paymentRef: 'PAY-1',
      paidOn: '2024-09-03',
      holdReason: null,
      heldFrom: null,
      parentPersonRef: 'ref-parent',
      studentPersonRef: 'ref-student',
      consent: CONSENT,
    });
  });

  it('shows a hold with its reason and where it came from', () => {
    expect(projectApplication(applicationEvents.slice(0, 3))).toMatchObject({
      status: 'on_hold',
      holdReason: 'parent_case_closed',
      heldFrom: 'approved',
    });
  });

  it('is deterministic and idempotent: replaying the events over the row changes nothing', () => {
    const row = projectApplication(applicationEvents);
    expect(projectApplication(applicationEvents)).toEqual(row);
    expect(projectApplication(applicationEvents, row)).toBe(row);
  });

  it('counts rejected and withdrawn applications as not live', () => {
    const base = projectApplication([submitted()]);
    if (base === null) throw new Error('no row');
    expect(isLive(base)).toBe(true);
    expect(isLive({ status: 'on_hold' })).toBe(true);
    expect(isLive({ status: 'withdrawn' })).toBe(false);
    expect(isLive({ status: 'rejected' })).toBe(false);
    expect(applicationRowToRecurringSource(base)).toMatchObject({
      studentPersonRef: 'ref-student',
      studentName: '王小明',
    });
  });
});
