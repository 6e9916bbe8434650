import { aPeriod, enrolled, paidClaim, PERIOD_ID, PERSON_REF } from '../testing/fixtures';
import { given } from '../testing/given-when-then';
import { membershipAfter } from '../testing/membership-state';
import { afterClaimPaid } from './after-claim-paid';
import { membershipDecider, type RecordClaimPayment } from './membership.decider';
import type { MembershipEvent } from './membership.events';

// Serious illness: threshold 60,000 yuan, 50% of the first 40,000 yuan above it, 70% beyond, cap 50,000.
// Hardship risk: threshold 30,000 yuan of burden left after aid.
const period = aPeriod();
const policyVersion = period.policyVersion;
const reserve = (claimId: string, payoutFen: number): MembershipEvent[] => [
  { type: 'ClaimAdmissionRegistered', data: { claimId, hospital: `H ${claimId}`, admittedOn: '2024-02-01' } },
  { type: 'CapReserved', data: { claimId, payoutFen } },
];
const pay = (claimId: string, outOfPocketFen: number, payoutFen: number): RecordClaimPayment => ({
  type: 'RecordClaimPayment',
  claimId,
  outOfPocketFen,
  payoutFen,
  period,
});

describe('after each paid claim', () => {
  it('grants no aid and reports no risk below both thresholds', () => {
    expect(
      afterClaimPaid(
        membershipAfter(enrolled(), ...paidClaim('c-1', 4_100_000, 2_000_000)),
        period.rules,
        policyVersion,
      ),
    ).toEqual([]);
  });

  it('reports the hardship risk when the burden left reaches the threshold exactly', () => {
    // burden 5,000,000 - 2,000,000 = 3,000,000
    given(membershipDecider, [enrolled(), ...reserve('c-1', 2_000_000)])
      .when(pay('c-1', 5_000_000, 2_000_000))
      .thenEmits([
        {
          type: 'ClaimPaymentRecorded',
          data: { claimId: 'c-1', outOfPocketFen: 5_000_000, payoutFen: 2_000_000 },
        },
        {
          type: 'HardshipRiskDetected',
          data: {
            periodId: PERIOD_ID,
            personRef: PERSON_REF,
            unitId: 'unit-7',
            memberName: '张三',
            burdenFen: 3_000_000,
            remainingBurdenFen: 3_000_000,
            claimIds: ['c-1'],
            policyVersion,
          },
        },
      ]);
  });

  it('grants serious-illness aid as the burden crosses the threshold over two claims, reporting the risk once', () => {
    const first = [enrolled(), ...paidClaim('c-1', 9_000_000, 4_000_000)]; // burden 5,000,000
    const afterFirst = afterClaimPaid(membershipAfter(...first), period.rules, policyVersion);
    expect(afterFirst).toMatchObject([
      { type: 'HardshipRiskDetected', data: { remainingBurdenFen: 5_000_000, claimIds: ['c-1'] } },
    ]);
    // second claim: burden + 3,000,000 = 8,000,000; 2,000,000 above the threshold at 50% -> 1,000,000 aid
    given(membershipDecider, [...first, ...afterFirst, ...reserve('c-2', 1_000_000)])
      .when(pay('c-2', 4_000_000, 1_000_000))
      .thenEmits([
        {
          type: 'ClaimPaymentRecorded',
          data: { claimId: 'c-2', outOfPocketFen: 4_000_000, payoutFen: 1_000_000 },
        },
        {
          type: 'SeriousIllnessAidGranted',
          data: {
            periodId: PERIOD_ID,
            personRef: PERSON_REF,
            claimId: 'c-2',
            amountFen: 1_000_000,
            totalGrantedFen: 1_000_000,
            burdenFen: 8_000_000,
            policyVersion,
          },
        },
      ]);
  });

  it('grants only the difference from what was granted, and stops at the cap', () => {
    const history: MembershipEvent[] = [
      enrolled(),
      ...paidClaim('c-1', 18_000_000, 10_000_000), // burden 8,000,000 -> aid 1,000,000
      {
        type: 'SeriousIllnessAidGranted',
        data: {
          periodId: PERIOD_ID,
          personRef: PERSON_REF,
          claimId: 'c-1',
          amountFen: 1_000_000,
          totalGrantedFen: 1_000_000,
          burdenFen: 8_000_000,
          policyVersion,
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
          policyVersion,
        },
      },
      ...reserve('c-2', 0),
    ];
    // burden 8,000,000 + 11,000,000 = 19,000,000; above 13,000,000: 2,000,000 + 9,000,000 * 70% = 8,300,000 -> cap 5,000,000
    const events = given(membershipDecider, history)
      .when(pay('c-2', 11_000_000, 0))
      .events();
    expect(events).toEqual([
      { type: 'ClaimPaymentRecorded', data: { claimId: 'c-2', outOfPocketFen: 11_000_000, payoutFen: 0 } },
      {
        type: 'SeriousIllnessAidGranted',
        data: {
          periodId: PERIOD_ID,
          personRef: PERSON_REF,
          claimId: 'c-2',
          amountFen: 4_000_000,
          totalGrantedFen: 5_000_000,
          burdenFen: 19_000_000,
          policyVersion,
        },
      },
    ]);
    // a third paid claim grants nothing more: the cap is reached, the risk already reported
    given(membershipDecider, [...history, ...events, ...reserve('c-3', 100)])
      .when(pay('c-3', 2_000_000, 100))
      .thenEmits([
        { type: 'ClaimPaymentRecorded', data: { claimId: 'c-3', outOfPocketFen: 2_000_000, payoutFen: 100 } },
      ]);
  });

  it('measures the hardship risk on the burden left after the aid granted with the same payment', () => {
    // burden 9,000,000 in one claim: aid 1,500,000, left 7,500,000 >= 3,000,000
    const rules = { ...period.rules, hardshipRisk: { thresholdFen: 7_500_001 } };
    const state = membershipAfter(enrolled(), ...paidClaim('c-1', 9_000_000, 0));
    expect(afterClaimPaid(state, rules, policyVersion).map((e) => e.type)).toEqual([
      'SeriousIllnessAidGranted',
    ]);
    expect(
      afterClaimPaid(state, { ...rules, hardshipRisk: { thresholdFen: 7_500_000 } }, policyVersion).map(
        (e) => e.type,
      ),
    ).toEqual(['SeriousIllnessAidGranted', 'HardshipRiskDetected']);
  });
});
