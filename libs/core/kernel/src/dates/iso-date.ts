import { DomainError } from '../errors/domain-error';

/**
 * A business date `YYYY-MM-DD` (China time, DOMAIN.md "Conventions"). A plain string alias so
 * DTOs and read models can hold one without casts; validate with {@link isIsoDate}.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days in `month` (1-12) of `year`, proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC so no timezone can shift it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function split(s: string): Ymd | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return { year, month, day };
}

function parse(s: string): Ymd {
  const ymd = split(s);
  if (!ymd) {
    throw new DomainError('VALIDATION_FAILED', `'${s}' is not a real calendar date in the form YYYY-MM-DD.`);
  }
  return ymd;
}

function format({ year, month, day }: Ymd): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not, so use it for the epoch day.
function epochDay({ year, month, day }: Ymd): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

function fromEpochDay(days: number): IsoDate {
  const d = new Date(days * MS_PER_DAY);
  return format({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}.`);
}

/** True when `s` is `YYYY-MM-DD` and names a real calendar date (no 2023-02-29, no month 13). */
export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && split(s) !== undefined;
}

/**
 * `date` plus `n` calendar months (negative goes back). A day that does not exist in the target
 * month is clamped to its last day, as a person would count: 2024-01-31 + 1 month = 2024-02-29.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'The number of months');
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const result = {
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  };
  if (result.year < 1 || result.year > 9999) throw new RangeError(`${date} + ${n} months is out of range.`);
  return format(result);
}

/** `date` plus `n` days (negative goes back). */
export function addDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'The number of days');
  const result = fromEpochDay(epochDay(parse(date)) + n);
  if (!isIsoDate(result)) throw new RangeError(`${date} + ${n} days is out of range.`);
  return result;
}

/** Whole days from `a` to `b`: positive when `b` is later (2024-01-01 -> 2024-01-31 is 30). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return epochDay(parse(b)) - epochDay(parse(a));
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`; usable as an `Array.sort` comparator. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  // Both are validated first: a lexical comparison of malformed strings would silently lie.
  parse(a);
  parse(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
