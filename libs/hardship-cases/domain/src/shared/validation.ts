import { DomainError, type FieldError } from '@union/kernel';

/** A field problem, or null when the field is fine; lists of these are checked at once. */
export type Check = FieldError | null;

/** Nothing but whitespace counts as missing: a caseworker cannot act on a blank reason. */
export function requireText(value: unknown, field: string, what = field): Check {
  return typeof value === 'string' && value.trim() !== '' ? null : { field, message: `${what} is required.` };
}

/** A whole number of fen, 0 or more (as `assertFen`, but collected instead of thrown). */
export function requireFen(value: unknown, field: string, opts: { positive?: boolean } = {}): Check {
  const min = opts.positive ? 1 : 0;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return null;
  const bound = opts.positive ? 'more than 0' : '0 or more';
  return { field, message: `${field} must be a whole number of fen, ${bound}; got ${String(value)}.` };
}

/** `value` is one of `allowed`. */
export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): Check {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? null
    : { field, message: `${field} must be one of ${allowed.join(', ')}; got ${String(value)}.` };
}

/** A check that holds or fails with `message`. */
export function check(ok: boolean, field: string, message: string): Check {
  return ok ? null : { field, message };
}

/**
 * Throws one `VALIDATION_FAILED` listing every failed check, so a form can mark all its bad fields
 * in one round trip; the first message becomes the problem's `detail`.
 */
export function throwIfInvalid(checks: readonly Check[]): void {
  const errors = checks.filter((c): c is FieldError => c !== null);
  const first = errors[0];
  if (first === undefined) return;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem(s))` : '';
  throw new DomainError('VALIDATION_FAILED', `${first.message}${more}`, { errors });
}

/**
 * A copy of `value` without its `undefined` members: events are stored as JSON, where an
 * undefined member would vanish anyway, so they never carry one and compare equal after a replay.
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
