import fc from 'fast-check';
import { aPeriod } from '../testing/fixtures';
import type { Bill } from './claim.events';
import { quoteClaim } from './quote-claim';

const MAX_BILL = 1_000_000_000_000; // 10 billion yuan: far above any real bill, still exact in doubles

/** A bill whose paid parts never exceed the total (each part a share of at most a fifth, exact in BigInt). */
const bills: fc.Arbitrary<Bill> = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 20_000_000 }), fc.integer({ min: 0, max: MAX_BILL })),
    fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 5, maxLength: 5 }),
  )
  .map(([totalFen, weights]) => {
    const paid = weights.map((w) => Number((BigInt(totalFen) * BigInt(w)) / 50_000n));
    return {
      totalFen,
      basicInsurancePaidFen: paid[0] ?? 0,
      seriousIllnessInsurancePaidFen: paid[1] ?? 0,
      medicalAssistancePaidFen: paid[2] ?? 0,
      employerPaidFen: paid[3] ?? 0,
      otherPaidFen: paid[4] ?? 0,
    };
  });

const amounts = (q: ReturnType<typeof quoteClaim>): number[] => [
  q.outOfPocketFen,
  q.deductibleFen,
  q.eligibleFen,
  q.capAppliedFen,
  q.payoutFen,
  ...q.bands.flatMap((b) => [b.baseFen, b.amountFen]),
];

describe('quoteClaim (property)', () => {
  const { inpatient } = aPeriod().rules;

  it('splits the out-of-pocket cost between payout and member, within the cap and the eligible amount', () => {
    fc.assert(
      fc.property(bills, fc.integer({ min: 0, max: 30_000_000 }), (bill, capLeftFen) => {
        const q = quoteClaim(bill, inpatient, capLeftFen, 'p-1');
        const memberPaysFen = q.outOfPocketFen - q.payoutFen;
        expect(q.payoutFen + memberPaysFen).toBe(q.outOfPocketFen);
        expect(q.payoutFen).toBeLessThanOrEqual(capLeftFen);
        expect(q.payoutFen).toBeLessThanOrEqual(q.eligibleFen);
        expect(memberPaysFen).toBeGreaterThanOrEqual(0);
        for (const n of [...amounts(q), memberPaysFen]) {
          expect(Number.isSafeInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
        }
        expect(q.bands.reduce((s, b) => s + b.amountFen, 0)).toBe(q.payoutFen + q.capAppliedFen);
      }),
      { numRuns: 500 },
    );
  });
});
