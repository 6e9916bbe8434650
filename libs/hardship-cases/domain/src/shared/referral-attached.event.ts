import type { DomainEvent } from '@union/kernel';

/**
 * A referral joined an open case's history. Both the referral's stream and the case's stream
 * record it under this one type with this one shape, so a projection reading either stream (or
 * both) can never misread it.
 */
export type ReferralAttached = DomainEvent<
  'ReferralAttached',
  {
    readonly referralId: string;
    readonly caseId: string;
    readonly attachedAt: string;
    readonly attachedBy: string;
  }
>;
