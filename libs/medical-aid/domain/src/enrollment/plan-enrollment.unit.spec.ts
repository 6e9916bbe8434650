import type { HardshipTier } from '@union/contracts';
import { given } from '../testing/given-when-then';
import { aPeriod, enrolled, PERIOD_ID } from '../testing/fixtures';
import { membershipDecider } from '../membership/membership.decider';
import {
  enrollMemberCommand,
  planEnrollment,
  type EnrollmentRequest,
  type EnrollmentRow,
} from './plan-enrollment';

const row = (personRef: string, overrides: Partial<EnrollmentRow> = {}): EnrollmentRow => ({
  personRef,
  idNumberMasked: `110105********${personRef.slice(-4).padStart(4, '0')}`,
  name: `Member ${personRef}`,
  hasBasicMedicalInsurance: true,
  ...overrides,
});

const request = (overrides: Partial<EnrollmentRequest> = {}): EnrollmentRequest => ({
  period: aPeriod(),
  today: '2024-01-10',
  unitId: 'unit-7',
  paymentRef: 'PAY-2024-007',
  members: [row('r1')],
  alreadyEnrolled: new Set(),
  tierOf: () => null,
  ...overrides,
});

describe('planEnrollment', () => {
  it('enrolls insured members at the period contribution', () => {
    expect(planEnrollment(request({ members: [row('r1'), row('r2')] }))).toEqual({
      toEnroll: [
        {
          index: 0,
          personRef: 'r1',
          name: 'Member r1',
          idNumberMasked: '110105********00r1',
          waived: false,
          contributionFen: 10_000,
        },
        {
          index: 1,
          personRef: 'r2',
          name: 'Member r2',
          idNumberMasked: '110105********00r2',
          waived: false,
          contributionFen: 10_000,
        },
      ],
      duplicates: 0,
      duplicateIndexes: [],
      waived: 0,
      rejected: [],
    });
  });

  it('reports rows without basic medical insurance, or with an invalid id, one by one and enrolls the rest', () => {
    const plan = planEnrollment(
      request({
        members: [
          row('r1', { hasBasicMedicalInsurance: false }),
          row('r2'),
          { ...row('x'), personRef: null, idNumberError: 'The check character should be X, not 3.' },
          row('r4', { name: '  ' }),
        ],
      }),
    );
    expect(plan.toEnroll.map((m) => m.personRef)).toEqual(['r2']);
    expect(plan.rejected).toEqual([
      {
        index: 0,
        code: 'NO_BASIC_MEDICAL_INSURANCE',
        message: 'Member r1 (110105********00r1) has no urban employee basic medical insurance.',
      },
      { index: 2, code: 'INVALID_ID_NUMBER', message: 'The check character should be X, not 3.' },
      { index: 3, code: 'NAME_REQUIRED', message: 'The member needs a name.' },
    ]);
  });

  it('counts members already enrolled, or listed twice, as duplicates that change nothing', () => {
    const plan = planEnrollment(
      request({ members: [row('r1'), row('r2'), row('r2'), row('r3')], alreadyEnrolled: new Set(['r1']) }),
    );
    expect(plan.toEnroll.map((m) => [m.index, m.personRef])).toEqual([
      [1, 'r2'],
      [3, 'r3'],
    ]);
    expect(plan.duplicates).toBe(2);
    expect(plan.duplicateIndexes).toEqual([0, 2]);
  });

  it('the same request sent twice enrolls nobody twice', () => {
    const first = planEnrollment(request({ members: [row('r1'), row('r2')] }));
    const again = planEnrollment(
      request({
        members: [row('r1'), row('r2')],
        alreadyEnrolled: new Set(first.toEnroll.map((m) => m.personRef)),
      }),
    );
    expect(again).toEqual({ toEnroll: [], duplicates: 2, duplicateIndexes: [0, 1], waived: 0, rejected: [] });
  });

  it('waives the contribution of members in a waived hardship tier (paid by the union fund)', () => {
    const tiers: Record<string, HardshipTier> = { r1: 'deep', r2: 'relative' };
    const plan = planEnrollment(
      request({ members: [row('r1'), row('r2'), row('r3')], tierOf: (ref) => tiers[ref] ?? null }),
    );
    expect(plan.toEnroll.map((m) => [m.personRef, m.waived, m.contributionFen])).toEqual([
      ['r1', true, 0],
      ['r2', false, 10_000],
      ['r3', false, 10_000],
    ]);
    expect(plan.waived).toBe(1);
  });

  it('is open on the first and the last day of the enrollment window only', () => {
    expect(planEnrollment(request({ today: '2023-12-01' })).toEnroll).toHaveLength(1);
    expect(planEnrollment(request({ today: '2024-03-31' })).toEnroll).toHaveLength(1);
    for (const today of ['2023-11-30', '2024-04-01']) {
      expect(() => planEnrollment(request({ today }))).toThrow(
        expect.objectContaining({
          code: 'RULE_VIOLATION',
          details: { enrollmentOpensOn: '2023-12-01', enrollmentClosesOn: '2024-03-31' },
        }),
      );
    }
  });

  it('refuses a request without unit, payment reference or members, or with more than 10,000 rows', () => {
    expect(() => planEnrollment(request({ unitId: '', paymentRef: ' ', members: [] }))).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        errors: [
          expect.objectContaining({ field: 'unitId' }),
          expect.objectContaining({ field: 'paymentRef' }),
          expect.objectContaining({ field: 'members' }),
        ],
      }),
    );
    const tooMany = Array.from({ length: 10_001 }, (_, i) => row(`r${i}`));
    expect(() => planEnrollment(request({ members: tooMany }))).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('EnrollMember', () => {
  const planned = {
    index: 0,
    personRef: 'a'.repeat(64),
    name: '张三',
    idNumberMasked: '110105********002X',
    waived: false,
    contributionFen: 10_000,
  };
  const command = enrollMemberCommand(request(), planned);

  it('records the member enrolled by the unit on today', () => {
    expect(command).toMatchObject({
      type: 'EnrollMember',
      periodId: PERIOD_ID,
      unitId: 'unit-7',
      enrolledOn: '2024-01-10',
    });
    given(membershipDecider).when(command).thenEmits([enrolled()]);
  });

  it('changes nothing when the member is already enrolled (a concurrent request got there first)', () => {
    given(membershipDecider, [enrolled()]).when(command).thenEmits([]);
  });
});
