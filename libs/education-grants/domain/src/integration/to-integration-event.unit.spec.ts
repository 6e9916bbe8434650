import type { ApplicationEvent } from '../application/application.events';
import { CAMPAIGN_ID, NOW, submitted } from '../testing/grants.fixtures';
import { toIntegrationEvent } from './to-integration-event';

describe('toIntegrationEvent', () => {
  it("publishes a disbursement as GrantDisbursed v1, keyed by the parent's personRef", () => {
    const event: ApplicationEvent = {
      type: 'GrantDisbursed',
      data: {
        ...{
          applicationId: 'a-1',
          campaignId: CAMPAIGN_ID,
          parentPersonRef: 'ref-parent',
          studentPersonRef: 'ref-student',
        },
        ...{
          level: 'vocational',
          amountFen: 300_000,
          paymentRef: 'PAY-9',
          paidOn: '2024-08-30',
          late: false,
          by: 'c',
          at: NOW,
        },
      },
    };
    expect(toIntegrationEvent(event)).toEqual({
      type: 'GrantDisbursed',
      version: 1,
      data: {
        personRef: 'ref-parent',
        applicationId: 'a-1',
        campaignId: CAMPAIGN_ID,
        studentPersonRef: 'ref-student',
        level: 'vocational',
        amountFen: 300_000,
        paidOn: '2024-08-30',
      },
    });
  });

  it('keeps every other application event inside the service', () => {
    expect(toIntegrationEvent(submitted())).toBeNull();
    expect(
      toIntegrationEvent({
        type: 'GrantApplicationApproved',
        data: { applicationId: 'a', by: 'r', at: NOW, recurring: false },
      }),
    ).toBeNull();
  });
});
