// The campaign's state as the event store snapshots it: plain JSON, a fixed size, and a fold
// resumed from a snapshot equal to the whole fold.
import fc from 'fast-check';
import { campaignDecider, type ReservationRequest } from './campaign.decider';
import { reservationOf, type CampaignEvent, type CampaignState } from './campaign.events';
import { stateAfter } from '../testing/decider-spec';
import { campaignOpened, withReservation } from '../testing/grants.fixtures';

/** What the snapshot table does to a state: JSON out, JSON back (the decider has no codec). */
const throughSnapshot = (state: CampaignState): CampaignState =>
  JSON.parse(JSON.stringify(state)) as CampaignState;
const fold = (events: readonly CampaignEvent[], from = campaignDecider.initialState()) =>
  events.reduce(campaignDecider.evolve, from);

const request = fc.oneof(
  fc.record({
    type: fc.constant('ReserveBudget' as const),
    applicationId: fc.integer({ min: 1, max: 8 }).map((n) => `a-${n}`),
    amountFen: fc.integer({ min: 1, max: 400_000 }),
  }),
  fc.record({
    type: fc.constant('ReleaseReservation' as const),
    applicationId: fc.integer({ min: 1, max: 8 }).map((n) => `a-${n}`),
    reason: fc.constant('withdrawn' as const),
  }),
  fc.record({
    type: fc.constant('RecordGrantPaid' as const),
    applicationId: fc.integer({ min: 1, max: 8 }).map((n) => `a-${n}`),
  }),
);

/** A history the decider itself could have written: refused commands leave no event. */
function historyOf(requests: readonly ReservationRequest[], closeAt: number): CampaignEvent[] {
  const history: CampaignEvent[] = [campaignOpened({ budgetFen: 1_000_000 })];
  requests.forEach((r, i) => {
    if (i === closeAt) {
      history.push({
        type: 'CampaignClosed',
        data: { campaignId: 'c', closedBy: 'admin-1', closedAt: 'now' },
      });
    }
    try {
      history.push(...campaignDecider.decide(withReservation(history, r), fold(history)));
    } catch {
      // BUDGET_EXHAUSTED or CONFLICT: nothing stored, as in the service.
    }
  });
  return history;
}

describe('campaign state snapshots', () => {
  it('survives JSON unchanged, and a fold resumed from a snapshot at any event equals the whole fold', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), fc.nat(40), fc.nat(41), (requests, closeAt, cut) => {
        const history = historyOf(requests, closeAt);
        const whole = fold(history);
        expect(throughSnapshot(whole)).toStrictEqual(whole);
        const k = Math.min(cut, history.length);
        expect(fold(history.slice(k), throughSnapshot(fold(history.slice(0, k))))).toStrictEqual(whole);
        // The money never leaves the budget, whatever was refused.
        expect(whole.reservedFen + whole.disbursedFen).toBeLessThanOrEqual(whole.budgetFen);
      }),
    );
  });

  it('keeps the same size at 20,000 events as at 2: no per-application entry', () => {
    const reserved = (n: number): CampaignEvent => ({
      type: 'BudgetReserved',
      data: { applicationId: `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`, amountFen: 50_000 },
    });
    const opened = campaignOpened({ budgetFen: 20_000 * 50_000 });
    const small = stateAfter(campaignDecider, [opened, reserved(1)]);
    const large = fold(
      Array.from({ length: 19_999 }, (_, i) => reserved(i + 1)),
      fold([opened]),
    );
    expect(large).toMatchObject({ reservedFen: 19_999 * 50_000 });
    expect(Object.keys(large)).toEqual(Object.keys(small));
    // Only the digits of reservedFen differ: 999950000 against 50000.
    expect(JSON.stringify(large).length - JSON.stringify(small).length).toBe(4);
    // One application's reservation comes from its own events, not from the state.
    const seventh = `a0000000-0000-4000-8000-${String(7).padStart(12, '0')}`;
    expect(reservationOf([reserved(6), reserved(7)], seventh)).toEqual({
      amountFen: 50_000,
      status: 'reserved',
    });
  });

  it('is pinned to its state version: a change to evolveCampaign must bump it', () => {
    // If this fails because evolveCampaign or CampaignState changed, bump
    // campaignDecider.snapshots.stateVersion and update this expectation: snapshots folded by the
    // old evolve are then ignored instead of being read as the new state.
    const history: CampaignEvent[] = [
      campaignOpened({ budgetFen: 900_000 }),
      { type: 'BudgetReserved', data: { applicationId: 'a-1', amountFen: 300_000 } },
      { type: 'BudgetReserved', data: { applicationId: 'a-2', amountFen: 200_000 } },
      { type: 'GrantPaidFromBudget', data: { applicationId: 'a-1', amountFen: 300_000 } },
      {
        type: 'ReservationReleased',
        data: { applicationId: 'a-2', amountFen: 200_000, reason: 'withdrawn' },
      },
      { type: 'CampaignClosed', data: { campaignId: 'c', closedBy: 'admin-1', closedAt: 'now' } },
    ];
    expect({ stateVersion: campaignDecider.snapshots?.stateVersion, state: fold(history) }).toStrictEqual({
      stateVersion: 1,
      state: {
        status: 'closed',
        opened: campaignOpened({ budgetFen: 900_000 }).data,
        budgetFen: 900_000,
        reservedFen: 0,
        disbursedFen: 300_000,
      },
    });
  });
});
