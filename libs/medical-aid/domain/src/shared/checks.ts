import { DomainError, isIsoDate, type FieldError } from '@union/kernel';

/** True when `value` is not a string with at least one non-space character. */
export const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/** Why `value` is not a valid amount of fen (a safe integer, 0 or more), or null when it is. */
export function fenProblem(value: unknown): string | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? null
    : `must be a whole number of fen, 0 or more; got ${String(value)}`;
}

/** Why `value` is not a whole number of days (0 or more), or null when it is. */
export function daysProblem(value: unknown): string | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? null
    : `must be a whole number of days, 0 or more; got ${String(value)}`;
}

/** Why `value` is not a real `YYYY-MM-DD` date, or null when it is. */
export function dateProblem(value: unknown): string | null {
  return isIsoDate(value) ? null : `must be a real date in the form YYYY-MM-DD; got ${String(value)}`;
}

/** Pushes `{ field, message }` onto `errors` when `message` is not null. */
export function note(errors: FieldError[], field: string, message: string | null): void {
  if (message !== null) errors.push({ field, message });
}

/**
 * Throws `VALIDATION_FAILED` listing every problem when there is any, with a `detail` that
 * names them all so a caller without the `errors` list still knows what to fix.
 */
export function throwIfInvalid(what: string, errors: readonly FieldError[]): void {
  if (errors.length === 0) return;
  const list = errors.map((e) => `${e.field} ${e.message}`).join('; ');
  throw new DomainError('VALIDATION_FAILED', `${what} is not valid: ${list}.`, { errors });
}

/**
 * A hospital name as compared for duplicate admissions: trimmed, inner runs of spaces collapsed,
 * so `"  Qinghai  People's Hospital"` and `"Qinghai People's Hospital"` are one hospital.
 */
export const normaliseHospital = (hospital: string): string => hospital.trim().replace(/\s+/g, ' ');
