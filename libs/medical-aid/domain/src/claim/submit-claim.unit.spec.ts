import type { Period } from '../period/period.events';
import type { MembershipState } from '../membership/membership.events';
import { aBill, aPeriod, enrolled, paidClaim, submitted } from '../testing/fixtures';
import { given } from '../testing/given-when-then';
import { membershipAfter } from '../testing/membership-state';
import { claimDecider } from './claim.decider';
import type { SubmitClaim } from './submit-claim.command';

const submit = (overrides: Partial<SubmitClaim> = {}): SubmitClaim => ({
  type: 'SubmitClaim',
  claimId: 'claim-1',
  period: aPeriod(),
  membership: membershipAfter(enrolled()),
  hospital: '青海省人民医院',
  admittedOn: '2024-03-01',
  dischargedOn: '2024-03-15',
  diagnosisCode: 'I21.9',
  bill: aBill(6_200_000, 2_100_000),
  today: '2024-03-20',
  submittedBy: 'caseworker-1',
  submittedAt: '2024-03-20T01:00:00.000Z',
  ...overrides,
});

const withWaiting = (waitingDays: number): Period => aPeriod({ waitingDays });
const when = (overrides: Partial<SubmitClaim>) => given(claimDecider).when(submit(overrides));

describe('SubmitClaim', () => {
  it('records the claim with its quote (worked example 1), the member taken from the membership', () => {
    when({}).thenEmits([submitted()]);
  });

  it('quotes against the cap left after approved and paid claims', () => {
    const membership = membershipAfter(enrolled(), ...paidClaim('c-0', 20_000_000, 19_500_000));
    when({ membership }).thenEmitsMatching([
      { data: { quote: { payoutFen: 500_000, capAppliedFen: 1_500_000 } } },
    ]);
  });

  it('refuses a person not enrolled in the period', () => {
    when({ membership: membershipAfter() }).thenFails('NOT_ELIGIBLE');
    when({ membership: membershipAfter(enrolled({ periodId: 'another-period' })) }).thenFails('NOT_ELIGIBLE');
  });

  describe('coverage', () => {
    const membership = membershipAfter(enrolled({ enrolledOn: '2023-12-05' }));
    it('accepts admissions on the first and the last day of coverage', () => {
      when({
        membership,
        admittedOn: '2024-01-01',
        dischargedOn: '2024-01-02',
        today: '2024-01-03',
      }).thenEmitsMatching([{ type: 'ClaimSubmitted' }]);
      when({
        membership,
        admittedOn: '2024-12-31',
        dischargedOn: '2025-01-05',
        today: '2025-01-06',
      }).thenEmitsMatching([{ type: 'ClaimSubmitted' }]);
    });
    it('refuses admissions outside coverage', () => {
      const details = { coverageStart: '2024-01-01', coverageEnd: '2024-12-31' };
      when({
        membership,
        admittedOn: '2023-12-31',
        dischargedOn: '2024-01-02',
        today: '2024-01-03',
      }).thenFails('RULE_VIOLATION', { details });
      when({
        membership,
        admittedOn: '2025-01-01',
        dischargedOn: '2025-01-02',
        today: '2025-01-03',
      }).thenFails('RULE_VIOLATION', { details });
    });
  });

  describe('the waiting period (enrolled 2024-01-10)', () => {
    it('admits from enrollment day + waitingDays: 30 days -> 2024-02-09 is the first eligible day', () => {
      when({
        period: withWaiting(30),
        admittedOn: '2024-02-09',
        dischargedOn: '2024-02-10',
      }).thenEmitsMatching([{ type: 'ClaimSubmitted' }]);
      const error = when({
        period: withWaiting(30),
        admittedOn: '2024-02-08',
        dischargedOn: '2024-02-10',
      }).thenFails('RULE_VIOLATION', {
        details: { firstEligibleOn: '2024-02-09' },
      });
      expect(error.message).toContain('the first eligible day is 2024-02-09');
    });
    it('with no waiting period, covers admissions from the enrollment day, not before', () => {
      when({ admittedOn: '2024-01-10', dischargedOn: '2024-01-12' }).thenEmitsMatching([
        { type: 'ClaimSubmitted' },
      ]);
      when({ admittedOn: '2024-01-09', dischargedOn: '2024-01-12' }).thenFails('RULE_VIOLATION', {
        details: { firstEligibleOn: '2024-01-10' },
      });
    });
  });

  describe('the claim deadline (180 days after discharge on 2024-03-15)', () => {
    it('accepts a claim on the last day, 2024-09-11', () => {
      when({ today: '2024-09-11' }).thenEmitsMatching([{ type: 'ClaimSubmitted' }]);
    });
    it('refuses it the day after', () => {
      when({ today: '2024-09-12' }).thenFails('RULE_VIOLATION', { details: { claimDeadline: '2024-09-11' } });
    });
  });

  describe('input', () => {
    it('refuses a discharge before the admission', () => {
      when({ dischargedOn: '2024-02-29' }).thenFails('VALIDATION_FAILED', {
        errors: [{ field: 'dischargedOn', message: 'must not be before admittedOn (2024-03-01)' }],
      });
    });
    it('accepts a discharge on the admission day, and refuses one after today', () => {
      when({ dischargedOn: '2024-03-01' }).thenEmitsMatching([{ type: 'ClaimSubmitted' }]);
      when({ dischargedOn: '2024-03-21' }).thenFails('VALIDATION_FAILED', {
        errors: [expect.objectContaining({ field: 'dischargedOn' })],
      });
    });
    it('refuses paid parts above the total, and lists every problem', () => {
      const error = when({ hospital: '', admittedOn: '2024-02-30', bill: aBill(100, 101) }).thenFails(
        'VALIDATION_FAILED',
      );
      expect(error.errors?.map((e) => e.field)).toEqual(['hospital', 'admittedOn', 'bill']);
    });
  });

  describe('duplicate admissions', () => {
    const membership: MembershipState = membershipAfter(enrolled(), {
      type: 'ClaimAdmissionRegistered',
      data: { claimId: 'claim-0', hospital: '青海省人民医院', admittedOn: '2024-03-01' },
    });
    it('refuses a second claim for the same hospital and admission date, naming the first', () => {
      when({ membership, hospital: ' 青海省人民医院 ' }).thenFails('DUPLICATE', {
        details: { existingClaimId: 'claim-0' },
      });
    });
    it('accepts another hospital the same day, or the same hospital another day', () => {
      when({ membership, hospital: '西宁市第一人民医院' }).thenEmitsMatching([{ type: 'ClaimSubmitted' }]);
      when({ membership, admittedOn: '2024-03-02' }).thenEmitsMatching([{ type: 'ClaimSubmitted' }]);
    });
    it('accepts the admission again once the claim holding it was rejected', () => {
      const released = membershipAfter(
        enrolled(),
        ...[
          {
            type: 'ClaimAdmissionRegistered' as const,
            data: { claimId: 'claim-0', hospital: '青海省人民医院', admittedOn: '2024-03-01' },
          },
          { type: 'ClaimAdmissionReleased' as const, data: { claimId: 'claim-0', reason: 'wrong bill' } },
        ],
      );
      when({ membership: released }).thenEmitsMatching([{ type: 'ClaimSubmitted' }]);
    });
  });

  it('cannot submit the same claim id twice', () => {
    given(claimDecider, [submitted()]).when(submit()).thenFails('CONFLICT');
  });
});
