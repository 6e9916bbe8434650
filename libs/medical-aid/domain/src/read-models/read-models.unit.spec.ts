import type { ClaimEvent } from '../claim/claim.events';
import type { MembershipEvent } from '../membership/membership.events';
import { aPeriod, enrolled, paidClaim, PERIOD_ID, PERSON_REF, submitted } from '../testing/fixtures';
import { evolveClaimRow, type ClaimRow } from './claim-row.projection';
import { evolveMembershipRow, type MembershipRow } from './membership-row.projection';
import { evolvePeriodRow } from './period-row.projection';

/** Applies events in order at versions 1..n, as a live projection or a rebuild would. */
function project<Row, Event>(
  evolve: (row: Row | null, e: Event, v: number) => Row | null,
  events: readonly Event[],
): Row | null {
  return events.reduce<Row | null>((row, e, i) => evolve(row, e, i + 1), null);
}

const claimEvents: ClaimEvent[] = [
  submitted(),
  {
    type: 'ClaimApproved',
    data: {
      claimId: 'claim-1',
      quote: { ...submitted().data.quote, eligibleFen: 3_000_000, payoutFen: 1_500_000 },
      eligibleLoweredFromFen: 4_000_000,
      reason: 'Two days not necessary.',
      approvedBy: 'reviewer-1',
      approvedAt: 'a',
    },
  },
  {
    type: 'ClaimPaid',
    data: {
      claimId: 'claim-1',
      periodId: PERIOD_ID,
      personRef: PERSON_REF,
      unitId: 'unit-7',
      outOfPocketFen: 4_100_000,
      payoutFen: 1_500_000,
      paymentRef: 'BANK-1',
      paidOn: '2024-03-28',
      paidBy: 'cw-2',
      paidAt: 'p',
    },
  },
];

const memberEvents: MembershipEvent[] = [
  enrolled(),
  ...paidClaim('c-1', 18_000_000, 10_000_000),
  {
    type: 'SeriousIllnessAidGranted',
    data: {
      periodId: PERIOD_ID,
      personRef: PERSON_REF,
      claimId: 'c-1',
      amountFen: 1_000_000,
      totalGrantedFen: 1_000_000,
      burdenFen: 8_000_000,
      policyVersion: 'v',
    },
  },
  {
    type: 'HardshipRiskDetected',
    data: {
      periodId: PERIOD_ID,
      personRef: PERSON_REF,
      unitId: 'unit-7',
      memberName: '张三',
      burdenFen: 8_000_000,
      remainingBurdenFen: 7_000_000,
      claimIds: ['c-1'],
      policyVersion: 'v',
    },
  },
];

describe('claim row', () => {
  it('shows the claim as API.md does, with the approval quote and the payment', () => {
    const row = project(evolveClaimRow, claimEvents) as ClaimRow;
    expect(row).toMatchObject({
      claimId: 'claim-1',
      version: 3,
      status: 'paid',
      member: { idNumberMasked: '110105********002X', name: '张三' },
      unitId: 'unit-7',
      quote: { eligibleFen: 3_000_000, payoutFen: 1_500_000 },
      decidedBy: 'reviewer-1',
      decisionReason: 'Two days not necessary.',
      eligibleLoweredFromFen: 4_000_000,
      paymentRef: 'BANK-1',
      paidOn: '2024-03-28',
    });
  });

  it('shows a rejection with its reason', () => {
    const row = project(evolveClaimRow, [
      submitted(),
      {
        type: 'ClaimRejected',
        data: { claimId: 'claim-1', reason: 'No bill.', rejectedBy: 'r-1', rejectedAt: 'x' },
      },
    ]);
    expect(row).toMatchObject({
      status: 'rejected',
      decidedBy: 'r-1',
      decisionReason: 'No bill.',
      paidOn: null,
    });
  });

  it('is idempotent: applying an event again changes nothing', () => {
    const row = project(evolveClaimRow, claimEvents);
    claimEvents.forEach((e, i) => expect(evolveClaimRow(row, e, i + 1)).toBe(row));
  });
});

describe('membership row', () => {
  it('shows the yearly totals', () => {
    expect(project(evolveMembershipRow, memberEvents)).toEqual<MembershipRow>({
      periodId: PERIOD_ID,
      personRef: PERSON_REF,
      version: 6,
      member: { idNumberMasked: '110105********002X', name: '张三' },
      unitId: 'unit-7',
      enrolledOn: '2024-01-10',
      contributionFen: 10_000,
      waived: false,
      paymentRef: 'PAY-2024-007',
      claimIds: ['c-1'],
      capUsedFen: 10_000_000,
      totals: {
        outOfPocketFen: 18_000_000,
        payoutsFen: 10_000_000,
        burdenFen: 8_000_000,
        seriousIllnessAidFen: 1_000_000,
        remainingBurdenFen: 7_000_000,
        hardshipRiskReported: true,
      },
    });
  });

  it('keeps a rejected claim in the list', () => {
    const row = project(evolveMembershipRow, [
      enrolled(),
      { type: 'ClaimAdmissionRegistered', data: { claimId: 'c-1', hospital: 'H', admittedOn: '2024-02-01' } },
      { type: 'ClaimAdmissionReleased', data: { claimId: 'c-1', reason: 'r' } },
    ]);
    expect(row).toMatchObject({ version: 3, claimIds: ['c-1'], capUsedFen: 0 });
  });

  it('is idempotent, and a rebuild gives the same row as the live projection', () => {
    const live = memberEvents.reduce<MembershipRow | null>((row, e, i) => {
      const once = evolveMembershipRow(row, e, i + 1);
      return evolveMembershipRow(once, e, i + 1); // redelivered
    }, null);
    expect(project(evolveMembershipRow, memberEvents)).toEqual(live);
  });
});

describe('period row', () => {
  it('is the period as opened, with its version; idempotent', () => {
    const opened = { type: 'PeriodOpened' as const, data: aPeriod() };
    const row = evolvePeriodRow(null, opened, 1);
    expect(row).toEqual({ ...aPeriod(), version: 1 });
    expect(evolvePeriodRow(row, opened, 1)).toBe(row);
  });
});
