import { CONSENT_DOCUMENT_REF_MAX_LENGTH } from '@union/kernel';

/** Pieces of the OpenAPI document shared by the route-table operations and the gateway's own. */
export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/** A person's full identity number beside the masked one: only on a read with `purpose` (API.md). */
export const FULL_ID_NUMBER: Schema = {
  type: 'string',
  nullable: true,
  description: 'The full identity number: only on a read with `purpose` (null: not kept, or erased)',
};
/**
 * `consent: { documentRef, signedOn }` (API.md, "Personal information"): the signed authorisation
 * (授权书) a case or an application records: `whose` signed it. In a request (`example` given) it
 * refuses other members; in a record it is null for one opened before consent was required.
 */
export function consentSchema(whose: string, example?: { documentRef: string; signedOn: string }): Schema {
  const properties = {
    documentRef: {
      type: 'string',
      minLength: 1,
      maxLength: CONSENT_DOCUMENT_REF_MAX_LENGTH,
      description: "The union's filing reference of the signed paper; never a name or an identity number",
      ...(example ? { example: example.documentRef } : {}),
    },
    signedOn: {
      type: 'string',
      format: 'date',
      description: 'The day it was signed: not after the day the record is opened',
      ...(example ? { example: example.signedOn } : {}),
    },
  };
  const shape = { type: 'object', properties, required: ['documentRef', 'signedOn'] };
  if (example) {
    return {
      ...shape,
      additionalProperties: false,
      description: `${whose}'s signed authorisation (授权书). Required; only a dry run (dryRun=true) may leave it out`,
    };
  }
  return {
    ...shape,
    nullable: true,
    description: `${whose}'s signed authorisation (授权书); null for a record opened before it was required`,
  };
}
const PROBLEM_JSON = 'application/problem+json';

const problem = (description: string): Schema => ({
  description,
  content: { [PROBLEM_JSON]: { schema: ref('Problem') } },
});

export const COMMON_ERRORS: Record<string, Schema> = {
  '400': problem('VALIDATION_FAILED: malformed JSON, an unknown or invalid field'),
  '401': problem('UNAUTHENTICATED: no token, or an expired or invalid one'),
  '403': problem('FORBIDDEN (wrong role, or a unit outside yours) or SAME_ACTOR'),
  '404': problem('NOT_FOUND'),
  '429': problem('RATE_LIMITED; see the Retry-After header'),
  '503': problem('SERVICE_UNAVAILABLE: the service or its database is down, or did not answer in time'),
};
export const WRITE_ERRORS: Record<string, Schema> = {
  '409': problem('CONFLICT, VERSION_CONFLICT, DUPLICATE or BUDGET_EXHAUSTED'),
  '413': problem('PAYLOAD_TOO_LARGE'),
  '422': problem(
    "NOT_ELIGIBLE, RULE_VIOLATION, PERSON_RESTRICTED (the person's processing is restricted: their records take no command) or IDEMPOTENCY_KEY_REUSED",
  ),
  // A write's 503 may hide a commit (docs/idempotency.md): the text says how to retry it safely.
  '503': problem(
    'SERVICE_UNAVAILABLE: the service or its database is down, or did not answer in time (the ' +
      'detail says when nothing was changed; after a timeout the write may still have been ' +
      'carried out). OUTCOME_UNKNOWN: the service lost its database when the write may have ' +
      'committed. After Retry-After, retry with the same Idempotency-Key: the retry is answered ' +
      'with what happened. Without a key, look the record up before retrying',
  ),
};
