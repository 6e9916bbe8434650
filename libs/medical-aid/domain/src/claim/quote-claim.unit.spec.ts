import { aBill, aPeriod } from '../testing/fixtures';
import { billErrors, outOfPocketOf, quoteClaim } from './quote-claim';

const { inpatient } = aPeriod().rules;
const POLICY = 'period-p-1';
const FULL_CAP = 20_000_000;

describe('quoteClaim', () => {
  describe('the worked examples of DOMAIN.md §3', () => {
    it('bill 62,000 yuan, basic paid 21,000: oop 41,000, eligible 40,000, payout 20,000', () => {
      expect(quoteClaim(aBill(6_200_000, 2_100_000), inpatient, FULL_CAP, POLICY)).toEqual({
        outOfPocketFen: 4_100_000,
        deductibleFen: 100_000,
        eligibleFen: 4_000_000,
        bands: [
          { uptoFen: 5_000_000, ratioBp: 5000, baseFen: 4_000_000, amountFen: 2_000_000 },
          { uptoFen: null, ratioBp: 6000, baseFen: 0, amountFen: 0 },
        ],
        capAppliedFen: 0,
        payoutFen: 2_000_000,
        policyVersion: POLICY,
      });
    });

    it('bill 300,000 yuan, basic paid 100,000: oop 200,000, eligible 199,000, payout 25,000 + 89,400 = 114,400', () => {
      expect(quoteClaim(aBill(30_000_000, 10_000_000), inpatient, FULL_CAP, POLICY)).toEqual({
        outOfPocketFen: 20_000_000,
        deductibleFen: 100_000,
        eligibleFen: 19_900_000,
        bands: [
          { uptoFen: 5_000_000, ratioBp: 5000, baseFen: 5_000_000, amountFen: 2_500_000 },
          { uptoFen: null, ratioBp: 6000, baseFen: 14_900_000, amountFen: 8_940_000 },
        ],
        capAppliedFen: 0,
        payoutFen: 11_440_000,
        policyVersion: POLICY,
      });
    });
  });

  describe('band edges', () => {
    it('eligible exactly at the first band upper bound falls wholly in the first band', () => {
      const quote = quoteClaim(aBill(5_100_000, 0), inpatient, FULL_CAP, POLICY);
      expect(quote.eligibleFen).toBe(5_000_000);
      expect(quote.bands.map((b) => [b.baseFen, b.amountFen])).toEqual([
        [5_000_000, 2_500_000],
        [0, 0],
      ]);
      expect(quote.payoutFen).toBe(2_500_000);
    });

    it('one fen above the bound goes to the second band, rounded down there', () => {
      const quote = quoteClaim(aBill(5_100_001, 0), inpatient, FULL_CAP, POLICY);
      expect(quote.bands.map((b) => [b.baseFen, b.amountFen])).toEqual([
        [5_000_000, 2_500_000],
        [1, 0],
      ]);
      expect(quote.payoutFen).toBe(2_500_000);
    });

    it('rounds each band down to the whole fen', () => {
      // eligible 5,000,003: 2,500,000 + floor(3 * 0.6) = 2,500,001
      expect(quoteClaim(aBill(5_100_003, 0), inpatient, FULL_CAP, POLICY).payoutFen).toBe(2_500_001);
      // eligible 3: floor(1.5) = 1
      expect(quoteClaim(aBill(100_003, 0), inpatient, FULL_CAP, POLICY).payoutFen).toBe(1);
    });

    it('out-of-pocket at or below the deductible is eligible for nothing', () => {
      expect(quoteClaim(aBill(100_000, 0), inpatient, FULL_CAP, POLICY)).toMatchObject({
        eligibleFen: 0,
        payoutFen: 0,
      });
      expect(quoteClaim(aBill(500_000, 450_000), inpatient, FULL_CAP, POLICY)).toMatchObject({
        outOfPocketFen: 50_000,
        eligibleFen: 0,
        payoutFen: 0,
      });
    });
  });

  describe('the annual cap', () => {
    it('cuts the payout to what is left and shows the cut', () => {
      const quote = quoteClaim(aBill(30_000_000, 10_000_000), inpatient, 1_000_000, POLICY);
      expect(quote).toMatchObject({ payoutFen: 1_000_000, capAppliedFen: 10_440_000 });
    });

    it('pays nothing once the cap is used up (a negative left counts as 0)', () => {
      expect(quoteClaim(aBill(6_200_000, 2_100_000), inpatient, 0, POLICY)).toMatchObject({
        payoutFen: 0,
        capAppliedFen: 2_000_000,
      });
      expect(quoteClaim(aBill(6_200_000, 2_100_000), inpatient, -5, POLICY)).toMatchObject({
        payoutFen: 0,
        capAppliedFen: 2_000_000,
      });
    });

    it('exactly the banded amount left cuts nothing', () => {
      expect(quoteClaim(aBill(6_200_000, 2_100_000), inpatient, 2_000_000, POLICY)).toMatchObject({
        payoutFen: 2_000_000,
        capAppliedFen: 0,
      });
    });
  });

  describe('a lowered eligible amount', () => {
    it('is banded instead of the computed one', () => {
      const quote = quoteClaim(aBill(6_200_000, 2_100_000), inpatient, FULL_CAP, POLICY, 3_000_000);
      expect(quote).toMatchObject({
        outOfPocketFen: 4_100_000,
        eligibleFen: 3_000_000,
        payoutFen: 1_500_000,
      });
    });

    it('may not exceed the computed eligible amount', () => {
      expect(() => quoteClaim(aBill(6_200_000, 2_100_000), inpatient, FULL_CAP, POLICY, 4_000_001)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          errors: [expect.objectContaining({ field: 'eligibleFen' })],
        }),
      );
    });
  });
});

describe('bill validation', () => {
  it('sums every paid part into the out-of-pocket cost', () => {
    const bill = aBill(1_000_000, 100_000, {
      seriousIllnessInsurancePaidFen: 200_000,
      medicalAssistancePaidFen: 50_000,
      employerPaidFen: 25_000,
      otherPaidFen: 5_000,
    });
    expect(outOfPocketOf(bill)).toBe(620_000);
  });

  it('accepts paid parts equal to the total (nothing left to pay)', () => {
    expect(outOfPocketOf(aBill(1_000_000, 1_000_000))).toBe(0);
  });

  it('refuses paid parts above the total', () => {
    expect(billErrors(aBill(1_000_000, 900_000, { otherPaidFen: 100_001 }))).toEqual([
      { field: 'bill', message: 'the paid parts (1000001 fen) exceed the total (1000000 fen)' },
    ]);
    expect(() => outOfPocketOf(aBill(1, 2))).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('names every amount that is not whole fen', () => {
    expect(billErrors(aBill(10.5, -1)).map((e) => e.field)).toEqual([
      'bill.totalFen',
      'bill.basicInsurancePaidFen',
    ]);
  });
});
