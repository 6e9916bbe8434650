/**
 * The error codes of the HTTP contract (API.md, "Common rules"). Domain code throws them inside a
 * {@link DomainError}; the platform's problem filter turns them into `application/problem+json`.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'SAME_ACTOR'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'VERSION_CONFLICT'
  | 'DUPLICATE'
  | 'BUDGET_EXHAUSTED'
  | 'NOT_ELIGIBLE'
  | 'RULE_VIOLATION'
  | 'PERSON_RESTRICTED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'OUTCOME_UNKNOWN'
  | 'INTERNAL';

/** HTTP status of every code; one table so the services and the gateway cannot disagree. */
const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SAME_ACTOR: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  BUDGET_EXHAUSTED: 409,
  PAYLOAD_TOO_LARGE: 413,
  NOT_ELIGIBLE: 422,
  RULE_VIOLATION: 422,
  // The person's processing is restricted (PIPL Art. 47; docs/personal-information.md): a rule, not a race.
  PERSON_RESTRICTED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  // A write whose commit may or may not have happened (docs/idempotency.md): retry with the key.
  OUTCOME_UNKNOWN: 503,
};

/** Every known error code, in the order of the table above. */
export const ERROR_CODES: readonly ErrorCode[] = Object.keys(STATUS_BY_CODE) as ErrorCode[];

/** The HTTP status that API.md assigns to `code`. */
export function statusOf(code: ErrorCode): number {
  return STATUS_BY_CODE[code];
}

/** Narrows an arbitrary string (e.g. from a remote problem body) to a known {@link ErrorCode}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STATUS_BY_CODE, value);
}
