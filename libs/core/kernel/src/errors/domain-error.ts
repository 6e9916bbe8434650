import type { ErrorCode } from './error-code';

/** One invalid input field: a dotted path (`household.size`) and a sentence about it. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** Optional parts of a {@link DomainError}. */
export interface DomainErrorOptions {
  /**
   * Machine-readable facts a client can act on, e.g. `{ existingCaseId }` for a duplicate case.
   * They become top-level members of the problem body, so keep names in camelCase.
   */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Per-field problems, for `VALIDATION_FAILED`. */
  readonly errors?: readonly FieldError[];
  /** The lower-level error this one explains, kept for logs only. */
  readonly cause?: unknown;
}

/**
 * A rule of the domain refused something. `message` is a sentence a caseworker can act on (it is
 * shown to users as the problem's `detail`), so it must never contain stack traces or SQL.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly errors?: readonly FieldError[];

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    if (options.details !== undefined) this.details = options.details;
    if (options.errors !== undefined) this.errors = options.errors;
  }
}

/** Shorthand for a `VALIDATION_FAILED` error about one field. */
export function fieldError(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { errors: [{ field, message }] });
}
