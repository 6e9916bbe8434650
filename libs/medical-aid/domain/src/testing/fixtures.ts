// Fixtures for this lib's unit tests: the worked-example rules of DOMAIN.md §3.
import type { Bill, ClaimSubmitted } from '../claim/claim.events';
import type { MemberEnrolled, MembershipEvent } from '../membership/membership.events';
import type { Period } from '../period/period.events';

export const PERIOD_ID = '7d0f5a52-0000-4000-8000-000000000001';
export const PERSON_REF = 'a'.repeat(64);

/** Coverage 2024, enrollment Dec 2023 - Mar 2024, deductible 1,000 yuan, 50% to 50,000 yuan then 60%. */
export function aPeriod(overrides: Partial<Period> = {}): Period {
  return {
    periodId: PERIOD_ID,
    name: '第3期',
    coverageStart: '2024-01-01',
    coverageEnd: '2024-12-31',
    enrollmentOpensOn: '2023-12-01',
    enrollmentClosesOn: '2024-03-31',
    contributionFen: 10_000,
    waitingDays: 0,
    claimDeadlineDays: 180,
    rules: {
      inpatient: {
        deductibleFen: 100_000,
        bands: [
          { uptoFen: 5_000_000, ratioBp: 5000 },
          { uptoFen: null, ratioBp: 6000 },
        ],
        annualCapFen: 20_000_000,
      },
      seriousIllness: {
        thresholdFen: 6_000_000,
        bands: [
          { uptoFen: 4_000_000, ratioBp: 5000 },
          { uptoFen: null, ratioBp: 7000 },
        ],
        capFen: 5_000_000,
      },
      hardshipRisk: { thresholdFen: 3_000_000 },
      waiveContributionForTiers: ['deep'],
    },
    policyVersion: `period-${PERIOD_ID}-1`,
    openedBy: 'admin-1',
    openedAt: '2023-11-20T02:00:00.000Z',
    ...overrides,
  };
}

/** The member enrolled on 2024-01-10 by unit `unit-7`. */
export function enrolled(overrides: Partial<MemberEnrolled['data']> = {}): MemberEnrolled {
  return {
    type: 'MemberEnrolled',
    data: {
      periodId: PERIOD_ID,
      personRef: PERSON_REF,
      idNumberMasked: '110105********002X',
      name: '张三',
      unitId: 'unit-7',
      enrolledOn: '2024-01-10',
      contributionFen: 10_000,
      waived: false,
      paymentRef: 'PAY-2024-007',
      ...overrides,
    },
  };
}

/** A bill of `totalFen` of which basic insurance paid `basicFen` and nothing else paid. */
export function aBill(totalFen: number, basicFen: number, others: Partial<Bill> = {}): Bill {
  return {
    totalFen,
    basicInsurancePaidFen: basicFen,
    seriousIllnessInsurancePaidFen: 0,
    medicalAssistancePaidFen: 0,
    employerPaidFen: 0,
    otherPaidFen: 0,
    ...others,
  };
}

/** Membership events of a claim that was submitted, approved and paid with these amounts. */
export function paidClaim(claimId: string, outOfPocketFen: number, payoutFen: number): MembershipEvent[] {
  return [
    {
      type: 'ClaimAdmissionRegistered',
      data: { claimId, hospital: `Hospital ${claimId}`, admittedOn: '2024-02-01' },
    },
    { type: 'CapReserved', data: { claimId, payoutFen } },
    { type: 'ClaimPaymentRecorded', data: { claimId, outOfPocketFen, payoutFen } },
  ];
}

/** A submitted claim event for the enrolled member, quoted with the worked example 1. */
export function submitted(overrides: Partial<ClaimSubmitted['data']> = {}): ClaimSubmitted {
  return {
    type: 'ClaimSubmitted',
    data: {
      claimId: 'claim-1',
      periodId: PERIOD_ID,
      personRef: PERSON_REF,
      memberName: '张三',
      idNumberMasked: '110105********002X',
      unitId: 'unit-7',
      hospital: '青海省人民医院',
      admittedOn: '2024-03-01',
      dischargedOn: '2024-03-15',
      diagnosisCode: 'I21.9',
      bill: aBill(6_200_000, 2_100_000),
      quote: {
        outOfPocketFen: 4_100_000,
        deductibleFen: 100_000,
        eligibleFen: 4_000_000,
        bands: [
          { uptoFen: 5_000_000, ratioBp: 5000, baseFen: 4_000_000, amountFen: 2_000_000 },
          { uptoFen: null, ratioBp: 6000, baseFen: 0, amountFen: 0 },
        ],
        capAppliedFen: 0,
        payoutFen: 2_000_000,
        policyVersion: `period-${PERIOD_ID}-1`,
      },
      submittedBy: 'caseworker-1',
      submittedAt: '2024-03-20T01:00:00.000Z',
      ...overrides,
    },
  };
}
