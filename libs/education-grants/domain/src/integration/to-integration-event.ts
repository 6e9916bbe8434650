import type { EducationGrantsIntegrationEvent } from '@union/contracts';
import type { ApplicationEvent } from '../application/application.events';

/**
 * The integration event (topic `education.grants.v1`, keyed by the parent's personRef) that an
 * application event publishes, or null for events that stay inside the service. Only a
 * disbursement crosses the border: the hardship service records it in the parent's case file.
 */
export function toIntegrationEvent(event: ApplicationEvent): EducationGrantsIntegrationEvent | null {
  switch (event.type) {
    case 'GrantDisbursed': {
      const { applicationId, campaignId, parentPersonRef, studentPersonRef, level, amountFen, paidOn } =
        event.data;
      return {
        type: 'GrantDisbursed',
        version: 1,
        data: {
          personRef: parentPersonRef,
          applicationId,
          campaignId,
          studentPersonRef,
          level,
          amountFen,
          paidOn,
        },
      };
    }
    case 'GrantApplicationSubmitted':
    case 'GrantApplicationApproved':
    case 'GrantApplicationRejected':
    case 'GrantApplicationWithdrawn':
    case 'GrantApplicationPutOnHold':
    case 'GrantApplicationReleasedFromHold':
      return null;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
