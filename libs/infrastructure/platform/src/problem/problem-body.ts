import { maskIdNumbersInUrl, statusOf, type ErrorCode, type FieldError } from '@union/kernel';

/** Media type of every error response (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/**
 * Base of the problem `type` URIs. A problem's type is this base plus its code in lower case with
 * dashes, e.g. `https://errors.union-assistance.local/version-conflict`. The host is not meant
 * to resolve: the URI only identifies the kind of problem, stably, so clients may switch on
 * either `type` or `code`.
 */
export const PROBLEM_TYPE_BASE = 'https://errors.union-assistance.local/';

/** An `application/problem+json` body as API.md describes it, plus any extra members. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
  readonly errors?: readonly FieldError[];
  readonly [extra: string]: unknown;
}

/** What {@link problemBody} needs; everything but `code` and `detail` has a default. */
export interface ProblemInput {
  readonly code: ErrorCode;
  /** A sentence the reader can act on. Never internals (SQL, stack traces, hostnames). */
  readonly detail: string;
  /** Defaults to the code's status; set it only for a status the code table lacks (e.g. 415). */
  readonly status?: number;
  readonly title?: string;
  readonly errors?: readonly FieldError[];
  /** Extra top-level members, e.g. `{ existingCaseId }`; they cannot replace the standard ones. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

const TITLES: Readonly<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'The request is not valid',
  UNAUTHENTICATED: 'Authentication is required',
  FORBIDDEN: 'This action is not allowed',
  SAME_ACTOR: 'Another person must do this',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict with the current state',
  VERSION_CONFLICT: 'The record has changed',
  DUPLICATE: 'Already exists',
  BUDGET_EXHAUSTED: 'The budget is exhausted',
  NOT_ELIGIBLE: 'Not eligible',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency key reused with a different request',
  RULE_VIOLATION: 'A rule does not allow this',
  PERSON_RESTRICTED: "The person's data is restricted: stored, not processed",
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  RATE_LIMITED: 'Too many requests',
  SERVICE_UNAVAILABLE: 'The service is not available',
  OUTCOME_UNKNOWN: 'The outcome of the request is not known',
  INTERNAL: 'Internal error',
};

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'code', 'errors']);

/** The problem `type` URI of a code: `VERSION_CONFLICT` -> `.../version-conflict`. */
export function problemTypeOf(code: ErrorCode): string {
  return PROBLEM_TYPE_BASE + code.toLowerCase().replace(/_/g, '-');
}

/** The default human title of a code. */
export function problemTitleOf(code: ErrorCode): string {
  return TITLES[code];
}

/**
 * Builds a problem body. The one place that shapes error responses: the filter, the auth guard,
 * the gateway (relaying a service's problem) all go through it, so every error looks alike.
 * Identity numbers in `detail` and the field messages are masked (a detail may quote the path
 * asked for, `There is no endpoint GET /…`, and problems are logged, relayed and shown).
 */
export function problemBody(input: ProblemInput): ProblemBody {
  const extra = Object.fromEntries(
    Object.entries(input.extra ?? {}).filter(
      ([key, value]) => !STANDARD_MEMBERS.has(key) && value !== undefined,
    ),
  );
  return {
    ...extra,
    type: problemTypeOf(input.code),
    title: input.title ?? TITLES[input.code],
    status: input.status ?? statusOf(input.code),
    detail: maskIdNumbersInUrl(input.detail),
    code: input.code,
    ...(input.errors !== undefined && input.errors.length > 0
      ? { errors: input.errors.map((e) => ({ ...e, message: maskIdNumbersInUrl(e.message) })) }
      : {}),
  };
}
