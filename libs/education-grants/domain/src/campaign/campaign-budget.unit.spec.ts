import { campaignDecider, type ReservationRequest } from './campaign.decider';
import { remainingFen, type CampaignEvent } from './campaign.events';
import { deciderSpec, stateAfter } from '../testing/decider-spec';
import { CAMPAIGN_ID, NOW, campaignOpened, withReservation } from '../testing/grants.fixtures';

const decider = deciderSpec(campaignDecider);
/** As the service decides: the command carries the application's reservation, read from the same history. */
const spec = {
  given: (history: CampaignEvent[] = []) => ({
    when: (request: ReservationRequest) => decider.given(history).when(withReservation(history, request)),
  }),
};
const reserved = (applicationId: string, amountFen: number): CampaignEvent => ({
  type: 'BudgetReserved',
  data: { applicationId, amountFen },
});

describe('ReserveBudget', () => {
  const reserve = (applicationId: string, amountFen: number) =>
    ({ type: 'ReserveBudget', applicationId, amountFen }) as const;

  it('reserves when the remaining budget covers the grant exactly', () => {
    spec
      .given([campaignOpened(), reserved('a-1', 500_000)])
      .when(reserve('a-2', 500_000))
      .then([reserved('a-2', 500_000)]);
  });

  it('refuses one fen more than remains, naming what is left', () => {
    spec
      .given([campaignOpened(), reserved('a-1', 500_000)])
      .when(reserve('a-2', 500_001))
      .thenThrows('BUDGET_EXHAUSTED', { remainingFen: 500_000, requestedFen: 500_001 });
  });

  it('counts disbursed money as spent and released money as free again', () => {
    const history: CampaignEvent[] = [
      campaignOpened(),
      reserved('a-1', 600_000),
      { type: 'GrantPaidFromBudget', data: { applicationId: 'a-1', amountFen: 600_000 } },
      reserved('a-2', 400_000),
      {
        type: 'ReservationReleased',
        data: { applicationId: 'a-2', amountFen: 400_000, reason: 'withdrawn' },
      },
    ];
    expect(remainingFen(stateAfter(campaignDecider, history))).toBe(400_000);
    spec
      .given(history)
      .when(reserve('a-3', 400_000))
      .then([reserved('a-3', 400_000)]);
    spec.given(history).when(reserve('a-3', 400_001)).thenThrows('BUDGET_EXHAUSTED');
  });

  it('emits nothing for a second reservation of the same application', () => {
    spec
      .given([campaignOpened(), reserved('a-1', 500_000)])
      .when(reserve('a-1', 500_000))
      .then([]);
  });

  it('still reserves after the campaign closed, as review follows intake', () => {
    const closed: CampaignEvent = {
      type: 'CampaignClosed',
      data: { campaignId: CAMPAIGN_ID, closedBy: 'admin-1', closedAt: NOW },
    };
    spec
      .given([campaignOpened(), closed])
      .when(reserve('a-1', 200_000))
      .then([reserved('a-1', 200_000)]);
  });

  it('refuses a non-positive amount and an unknown campaign', () => {
    spec.given([campaignOpened()]).when(reserve('a-1', 0)).thenThrows('VALIDATION_FAILED');
    spec.given().when(reserve('a-1', 1)).thenThrows('NOT_FOUND');
  });

  it('lets the loser of two racing approvals re-decide against the new remaining budget', () => {
    // Both approvals read the campaign at the same version; the store accepts the first append
    // and the second retries on the folded stream that now includes the first reservation.
    const seen = [campaignOpened({ budgetFen: 700_000 })];
    spec
      .given(seen)
      .when(reserve('a-1', 500_000))
      .then([reserved('a-1', 500_000)]);
    spec
      .given(seen)
      .when(reserve('a-2', 500_000))
      .then([reserved('a-2', 500_000)]);
    spec
      .given([...seen, reserved('a-1', 500_000)])
      .when(reserve('a-2', 500_000))
      .thenThrows('BUDGET_EXHAUSTED');
  });
});

describe('ReleaseReservation and RecordGrantPaid', () => {
  const history = [campaignOpened(), reserved('a-1', 500_000)];
  const release = { type: 'ReleaseReservation', applicationId: 'a-1', reason: 'withdrawn' } as const;
  const paid = { type: 'RecordGrantPaid', applicationId: 'a-1' } as const;

  it('gives a withdrawn reservation back to the budget, once', () => {
    const released: CampaignEvent = {
      type: 'ReservationReleased',
      data: { applicationId: 'a-1', amountFen: 500_000, reason: 'withdrawn' },
    };
    spec.given(history).when(release).then([released]);
    spec
      .given([...history, released])
      .when(release)
      .then([]);
    expect(stateAfter(campaignDecider, [...history, released])).toMatchObject({
      reservedFen: 0,
      disbursedFen: 0,
    });
  });

  it('releases nothing for an application that never reserved', () => {
    spec.given([campaignOpened()]).when(release).then([]);
  });

  it('moves a paid grant from reserved to disbursed, once', () => {
    const event: CampaignEvent = {
      type: 'GrantPaidFromBudget',
      data: { applicationId: 'a-1', amountFen: 500_000 },
    };
    spec.given(history).when(paid).then([event]);
    spec
      .given([...history, event])
      .when(paid)
      .then([]);
    spec
      .given([...history, event])
      .when(release)
      .then([]);
    expect(stateAfter(campaignDecider, [...history, event])).toMatchObject({
      reservedFen: 0,
      disbursedFen: 500_000,
    });
  });

  it('refuses to pay what was never reserved', () => {
    spec.given([campaignOpened()]).when(paid).thenThrows('CONFLICT');
  });
});
