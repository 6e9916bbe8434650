import type { HardshipIntegrationEvent } from '@union/contracts';
import type { CaseEvent } from '../case/case.events';

/**
 * The `hardship.cases.v1` event other services learn from a case event, or null for the events
 * that stay inside this service (household figures, visits, assistance never leave it).
 */
export function toIntegrationEvent(event: CaseEvent): HardshipIntegrationEvent | null {
  switch (event.type) {
    case 'HardshipCaseOpened': {
      const { personRef, caseId, unitId, regionCode, tier, openedOn } = event.data;
      return {
        type: 'HardshipCaseOpened',
        version: 1,
        data: { personRef, caseId, unitId, regionCode, tier, openedOn },
      };
    }
    case 'HardshipTierChanged': {
      const { personRef, caseId, fromTier, toTier } = event.data;
      return { type: 'HardshipTierChanged', version: 1, data: { personRef, caseId, fromTier, toTier } };
    }
    case 'HardshipCaseClosed': {
      const { personRef, caseId, reason } = event.data;
      return { type: 'HardshipCaseClosed', version: 1, data: { personRef, caseId, reason } };
    }
    case 'HardshipCaseReopened': {
      const { personRef, caseId, tier } = event.data;
      return { type: 'HardshipCaseReopened', version: 1, data: { personRef, caseId, tier } };
    }
    case 'HardshipCaseReassessed':
    case 'HomeVisitRecorded':
    case 'PairingAssigned':
    case 'AssistanceRecorded':
    case 'AssistanceApproved':
    case 'AssistanceRejected':
    case 'ReferralAttached':
    case 'ExternalAssistanceRecorded':
      return null;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
