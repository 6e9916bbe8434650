import type { MedicalAidIntegrationEvent } from '@union/contracts';
import type { ClaimEvent } from '../claim/claim.events';
import type { MembershipEvent } from '../membership/membership.events';
import type { PeriodEvent } from '../period/period.events';

/** Every domain event of the medical-aid service. */
export type MedicalAidDomainEvent = PeriodEvent | MembershipEvent | ClaimEvent;

/**
 * The `medical-aid.claims.v1` event a domain event publishes, or null when it stays inside the
 * service. Payloads carry `personRef` (the Kafka key) and never an identity number, masked or not.
 */
export function toIntegrationEvent(event: MedicalAidDomainEvent): MedicalAidIntegrationEvent | null {
  switch (event.type) {
    case 'ClaimPaid': {
      const { personRef, claimId, periodId, unitId, outOfPocketFen, payoutFen, paidOn } = event.data;
      return {
        type: 'ClaimPaid',
        version: 1,
        data: { personRef, claimId, periodId, unitId, outOfPocketFen, payoutFen, paidOn },
      };
    }
    case 'SeriousIllnessAidGranted': {
      const { personRef, periodId, amountFen, totalGrantedFen } = event.data;
      return {
        type: 'SeriousIllnessAidGranted',
        version: 1,
        data: { personRef, periodId, amountFen, totalGrantedFen },
      };
    }
    case 'HardshipRiskDetected': {
      const { personRef, periodId, unitId, memberName, remainingBurdenFen, claimIds } = event.data;
      return {
        type: 'HardshipRiskDetected',
        version: 1,
        data: { personRef, periodId, unitId, memberName, remainingBurdenFen, claimIds: [...claimIds] },
      };
    }
    case 'PeriodOpened':
    case 'MemberEnrolled':
    case 'ClaimAdmissionRegistered':
    case 'ClaimAdmissionReleased':
    case 'CapReserved':
    case 'ClaimPaymentRecorded':
    case 'ClaimSubmitted':
    case 'ClaimApproved':
    case 'ClaimRejected':
      return null;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
