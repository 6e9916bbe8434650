import { fieldError } from '../errors/domain-error';
import { addDays, compareDates, isIsoDate } from './iso-date';

/** The instants that bound a period of business dates: `[start, end)`. */
export interface InstantRange {
  readonly start: string;
  readonly end: string;
}

/**
 * The business dates `from`..`to` (China time, UTC+8 with no daylight saving; both included) as
 * the instants `[from 00:00, the day after to 00:00)` in China time, for a report's `?from=&to=`.
 * A date that is not a real `YYYY-MM-DD`, a `to` before `from`, or a period longer than
 * `maxDays` is a `VALIDATION_FAILED` on the field.
 */
export function chinaDatePeriod(from: unknown, to: unknown, maxDays: number): InstantRange {
  if (!isIsoDate(from)) throw fieldError('from', 'from must be a real date, YYYY-MM-DD.');
  if (!isIsoDate(to)) throw fieldError('to', 'to must be a real date, YYYY-MM-DD.');
  if (compareDates(from, to) > 0 || compareDates(addDays(from, maxDays), to) < 0) {
    throw fieldError('to', `to must be on or after from, and at most ${maxDays} days later.`);
  }
  return { start: `${from}T00:00:00+08:00`, end: `${addDays(to, 1)}T00:00:00+08:00` };
}
