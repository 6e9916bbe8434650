import { createHash } from 'node:crypto';

// A fixed namespace (itself a random v4 uuid) for the name-based ids of referrals.
const NAMESPACE = Buffer.from('6f1c2a4e9b7d4c0e8a3f5b6d7e8f9a0b', 'hex');

/**
 * The referral id of a `HardshipRiskDetected` event: a name-based UUID (v5, RFC 9562) of its
 * event id, so a redelivery lands on the same referral stream even without the inbox, and the
 * referral decider recognises it.
 */
export function referralIdFor(sourceEventId: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(sourceEventId, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
