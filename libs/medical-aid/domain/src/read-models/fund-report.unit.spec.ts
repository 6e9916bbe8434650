import { PERIOD_ID } from '../testing/fixtures';
import type { ClaimRow } from './claim-row.projection';
import { fundReport } from './fund-report';
import type { MembershipRow } from './membership-row.projection';

const member = (
  personRef: string,
  contributionFen: number,
  seriousIllnessAidFen = 0,
  periodId = PERIOD_ID,
): MembershipRow => ({
  periodId,
  personRef,
  version: 1,
  member: { idNumberMasked: 'm', name: personRef },
  unitId: 'u',
  enrolledOn: '2024-01-10',
  contributionFen,
  waived: contributionFen === 0,
  paymentRef: 'p',
  claimIds: [],
  capUsedFen: 0,
  totals: {
    outOfPocketFen: 0,
    payoutsFen: 0,
    burdenFen: 0,
    seriousIllnessAidFen,
    remainingBurdenFen: 0,
    hardshipRiskReported: false,
  },
});

const claim = (
  status: ClaimRow['status'],
  payoutFen: number,
  periodId = PERIOD_ID,
  paidOn: string | null = status === 'paid' ? '2024-03-05' : null,
): ClaimRow => ({ periodId, status, paidOn, quote: { payoutFen } }) as unknown as ClaimRow;

describe('fundReport', () => {
  it('counts paid and waived members, contributions, paid claims, payouts and aid', () => {
    const report = fundReport(
      { periodId: PERIOD_ID },
      [member('a', 10_000), member('b', 10_000, 5_000), member('c', 0), member('x', 10_000, 0, 'other')],
      [
        claim('paid', 10_000),
        claim('paid', 2_000),
        claim('approved', 50_000),
        claim('paid', 99_999, 'other'),
      ],
    );
    expect(report).toEqual({
      periodId: PERIOD_ID,
      membersPaid: 2,
      membersWaived: 1,
      contributionsFen: 20_000,
      claimsPaid: 2,
      payoutsFen: 12_000,
      seriousIllnessAidFen: 5_000,
      usageRateBp: 8500,
      deficit: false,
      payoutsByMonth: [{ month: '2024-03', claimsPaid: 2, payoutsFen: 12_000 }],
    });
  });

  it('gives the paid claims by the month they were paid, oldest first', () => {
    const report = fundReport(
      { periodId: PERIOD_ID },
      [member('a', 10_000)],
      [
        claim('paid', 300, PERIOD_ID, '2024-05-31'),
        claim('paid', 100, PERIOD_ID, '2024-02-01'),
        claim('paid', 250, PERIOD_ID, '2024-05-01'),
        claim('approved', 9_999, PERIOD_ID, null),
      ],
    );
    expect(report.payoutsByMonth).toEqual([
      { month: '2024-02', claimsPaid: 1, payoutsFen: 100 },
      { month: '2024-05', claimsPaid: 2, payoutsFen: 550 },
    ]);
  });

  it('rounds the usage rate down and flags a deficit only above 100%', () => {
    // (20,701 * 10000) / 20,000 = 10350.5 -> 10350 (Qinghai 2021 spent 103.51%-ish)
    const over = fundReport(
      { periodId: PERIOD_ID },
      [member('a', 10_000), member('b', 10_000)],
      [claim('paid', 20_701)],
    );
    expect(over).toMatchObject({ usageRateBp: 10_350, deficit: true });
    const exactly = fundReport({ periodId: PERIOD_ID }, [member('a', 10_000)], [claim('paid', 10_000)]);
    expect(exactly).toMatchObject({ usageRateBp: 10_000, deficit: false });
  });

  it('has no usage rate while nothing was collected', () => {
    expect(fundReport({ periodId: PERIOD_ID }, [member('c', 0)], [])).toMatchObject({
      contributionsFen: 0,
      usageRateBp: null,
      deficit: false,
    });
  });

  it('stays exact where floating point would round up (BigInt)', () => {
    // (2c - 1) * 10000 / c is just below 20000; in doubles the product rounds and floor gives 20000.
    const c = 4_000_000_000_000_001;
    const report = fundReport({ periodId: PERIOD_ID }, [member('a', c)], [claim('paid', 2 * c - 1)]);
    expect(report.usageRateBp).toBe(19_999);
  });

  it('handles a Qinghai-sized period (352,300 members)', () => {
    const members = Array.from({ length: 352_300 }, (_, i) => member(`m${i}`, 10_000));
    expect(fundReport({ periodId: PERIOD_ID }, members, []).contributionsFen).toBe(3_523_000_000);
  });
});
