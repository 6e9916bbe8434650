import { aPeriod, enrolled, paidClaim } from '../testing/fixtures';
import { given } from '../testing/given-when-then';
import { membershipAfter } from '../testing/membership-state';
import { membershipDecider } from './membership.decider';
import type { MembershipEvent } from './membership.events';
import { capLeftFen } from './membership.queries';

const period = aPeriod();
const admission = (
  claimId: string,
  hospital = '青海省人民医院',
  admittedOn = '2024-03-01',
): MembershipEvent => ({
  type: 'ClaimAdmissionRegistered',
  data: { claimId, hospital, admittedOn },
});

describe('membership', () => {
  describe('RegisterAdmission', () => {
    it('holds the admission for the claim (hospital name trimmed)', () => {
      given(membershipDecider, [enrolled()])
        .when({
          type: 'RegisterAdmission',
          claimId: 'c-1',
          hospital: ' 青海省人民医院  ',
          admittedOn: '2024-03-01',
        })
        .thenEmits([admission('c-1')]);
    });

    it('refuses a second claim for the same hospital and date with DUPLICATE naming the first', () => {
      given(membershipDecider, [enrolled(), admission('c-1')])
        .when({
          type: 'RegisterAdmission',
          claimId: 'c-2',
          hospital: '青海省人民医院',
          admittedOn: '2024-03-01',
        })
        .thenFails('DUPLICATE', { details: { existingClaimId: 'c-1' } });
    });

    it('is a no-op for the claim already holding it, and refuses people not enrolled', () => {
      given(membershipDecider, [enrolled(), admission('c-1')])
        .when({
          type: 'RegisterAdmission',
          claimId: 'c-1',
          hospital: '青海省人民医院',
          admittedOn: '2024-03-01',
        })
        .thenEmits([]);
      given(membershipDecider)
        .when({ type: 'RegisterAdmission', claimId: 'c-1', hospital: 'H', admittedOn: '2024-03-01' })
        .thenFails('NOT_ELIGIBLE');
    });
  });

  describe('ReleaseAdmission', () => {
    it('gives a rejected claim its admission back, once', () => {
      const released: MembershipEvent = {
        type: 'ClaimAdmissionReleased',
        data: { claimId: 'c-1', reason: 'wrong bill' },
      };
      given(membershipDecider, [enrolled(), admission('c-1')])
        .when({ type: 'ReleaseAdmission', claimId: 'c-1', reason: 'wrong bill' })
        .thenEmits([released]);
      given(membershipDecider, [enrolled(), admission('c-1'), released])
        .when({ type: 'ReleaseAdmission', claimId: 'c-1', reason: 'wrong bill' })
        .thenEmits([]);
    });
  });

  describe('ReserveCap', () => {
    it('sets the payout against the annual cap', () => {
      const history = [enrolled(), admission('c-1')];
      given(membershipDecider, history)
        .when({ type: 'ReserveCap', claimId: 'c-1', payoutFen: 2_000_000, period })
        .thenEmits([{ type: 'CapReserved', data: { claimId: 'c-1', payoutFen: 2_000_000 } }]);
      const state = membershipAfter(...history, {
        type: 'CapReserved',
        data: { claimId: 'c-1', payoutFen: 2_000_000 },
      });
      expect(capLeftFen(state, period.rules.inpatient)).toBe(18_000_000);
    });

    it('refuses a payout above the cap left (another approval got there first)', () => {
      given(membershipDecider, [enrolled(), ...paidClaim('c-0', 20_000_000, 19_000_000)])
        .when({ type: 'ReserveCap', claimId: 'c-1', payoutFen: 1_000_001, period })
        .thenFails('CONFLICT', { details: { capLeftFen: 1_000_000 } });
    });

    it('is a no-op when replayed for the same claim', () => {
      given(membershipDecider, [enrolled(), { type: 'CapReserved', data: { claimId: 'c-1', payoutFen: 5 } }])
        .when({ type: 'ReserveCap', claimId: 'c-1', payoutFen: 5, period })
        .thenEmits([]);
    });
  });

  describe('RecordClaimPayment', () => {
    const reserved: MembershipEvent[] = [
      enrolled(),
      admission('c-1'),
      { type: 'CapReserved', data: { claimId: 'c-1', payoutFen: 2_000_000 } },
    ];

    it('records the paid claim in the yearly totals (below every threshold: nothing else)', () => {
      given(membershipDecider, reserved)
        .when({
          type: 'RecordClaimPayment',
          claimId: 'c-1',
          outOfPocketFen: 4_100_000,
          payoutFen: 2_000_000,
          period,
        })
        .thenEmits([
          {
            type: 'ClaimPaymentRecorded',
            data: { claimId: 'c-1', outOfPocketFen: 4_100_000, payoutFen: 2_000_000 },
          },
        ]);
      const state = membershipAfter(...reserved, ...paidClaim('c-1', 4_100_000, 2_000_000).slice(2));
      expect(state).toMatchObject({
        outOfPocketFen: 4_100_000,
        payoutsFen: 2_000_000,
        burdenFen: 2_100_000,
        capUsedFen: 2_000_000,
      });
    });

    it('refuses a payment of a claim not approved for that payout, and ignores a replay', () => {
      given(membershipDecider, reserved)
        .when({
          type: 'RecordClaimPayment',
          claimId: 'c-1',
          outOfPocketFen: 4_100_000,
          payoutFen: 2_000_001,
          period,
        })
        .thenFails('CONFLICT');
      given(membershipDecider, [enrolled()])
        .when({ type: 'RecordClaimPayment', claimId: 'c-9', outOfPocketFen: 1, payoutFen: 0, period })
        .thenFails('CONFLICT');
      given(membershipDecider, [enrolled(), ...paidClaim('c-1', 4_100_000, 2_000_000)])
        .when({
          type: 'RecordClaimPayment',
          claimId: 'c-1',
          outOfPocketFen: 4_100_000,
          payoutFen: 2_000_000,
          period,
        })
        .thenEmits([]);
    });
  });
});
