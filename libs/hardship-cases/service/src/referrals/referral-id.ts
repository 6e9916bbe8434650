import { nameBasedUuid } from '../shared/name-based-uuid';

// A fixed namespace (itself a random v4 uuid) for the name-based ids of referrals.
const NAMESPACE = Buffer.from('6f1c2a4e9b7d4c0e8a3f5b6d7e8f9a0b', 'hex');

/**
 * The referral id of a `HardshipRiskDetected` event: a name-based UUID (v5, RFC 9562) of its
 * event id, so a redelivery lands on the same referral stream even without the inbox, and the
 * referral decider recognises it.
 */
export function referralIdFor(sourceEventId: string): string {
  return nameBasedUuid(NAMESPACE, sourceEventId);
}
