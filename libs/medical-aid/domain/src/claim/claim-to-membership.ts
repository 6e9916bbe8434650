import type { Period } from '../period/period.events';
import type { MembershipCommand } from '../membership/membership.decider';
import type { ClaimEvent } from './claim.events';

/**
 * The membership command that must be decided in the same transaction as a claim event, on
 * stream `member-<periodId>-<personRef>`: submission holds the admission, approval reserves the
 * cap, rejection gives the admission back, payment records the burden (and decides aid and risk).
 */
export function membershipCommandFor(event: ClaimEvent, period: Period): MembershipCommand {
  switch (event.type) {
    case 'ClaimSubmitted': {
      const { claimId, hospital, admittedOn } = event.data;
      return { type: 'RegisterAdmission', claimId, hospital, admittedOn };
    }
    case 'ClaimApproved':
      return {
        type: 'ReserveCap',
        claimId: event.data.claimId,
        payoutFen: event.data.quote.payoutFen,
        period,
      };
    case 'ClaimRejected':
      return { type: 'ReleaseAdmission', claimId: event.data.claimId, reason: event.data.reason };
    case 'ClaimPaid': {
      const { claimId, outOfPocketFen, payoutFen } = event.data;
      return { type: 'RecordClaimPayment', claimId, outOfPocketFen, payoutFen, period };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
