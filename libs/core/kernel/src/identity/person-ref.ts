import { createHmac } from 'node:crypto';
import type { IdNumber } from './id-number';

/**
 * The pseudonymous reference of a person that travels on Kafka instead of the identity number:
 * `hex(HMAC-SHA256(secret, normalisedIdNumber))`. All services share `secret`
 * (`PERSON_REF_SECRET`), so they agree on the ref without exchanging the number, and nobody
 * without the secret can reverse it by hashing every possible number.
 * @throws Error when `secret` is empty (an unkeyed hash would be reversible).
 */
export function personRef(secret: string, id: IdNumber): string {
  if (secret.length === 0) throw new Error('personRef needs a non-empty secret.');
  // Upper-casing again costs nothing and keeps refs equal even if an unparsed 'x' slipped through a cast.
  return createHmac('sha256', secret).update(id.toUpperCase(), 'utf8').digest('hex');
}
