import { DomainError } from '../errors/domain-error';
import { compareDates, isIsoDate, type IsoDate } from '../dates/iso-date';

/**
 * A valid, normalised 18-character PRC resident identity number (GB 11643-1999). Only
 * {@link parseIdNumber} / {@link validateIdNumber} produce one, so holding an `IdNumber` proves
 * the check character and birth date were verified and a lower-case `x` became `X`.
 */
export type IdNumber = string & { readonly __brand: 'IdNumber' };

/** What is wrong with an identity number, for a client that words it in its own language. */
export type IdNumberProblem =
  | { readonly kind: 'not_text' }
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'digit'; readonly position: number }
  | { readonly kind: 'last_char' }
  | { readonly kind: 'birth_date_invalid' }
  | { readonly kind: 'birth_date_too_early'; readonly birthDate: IsoDate }
  | { readonly kind: 'birth_date_future'; readonly birthDate: IsoDate }
  | { readonly kind: 'check_char'; readonly expected: string; readonly actual: string };

/**
 * Result of {@link validateIdNumber}: the normalised number, or a sentence saying what is wrong
 * and the same as data (`problem`).
 */
export type IdNumberValidation =
  { ok: true; value: IdNumber } | { ok: false; reason: string; problem: IdNumberProblem };

/** Options of {@link validateIdNumber}. */
export interface IdNumberOptions {
  /** Today's business date; when given, a birth date after it is refused. */
  readonly today?: IsoDate;
}

// ISO 7064 MOD 11-2 as GB 11643-1999 writes it: weight of position i is 2^(17-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * The check character for the first 17 digits of an identity number.
 * @throws RangeError when `first17` is not exactly 17 digits.
 */
export function checkCharOf(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('checkCharOf needs exactly 17 digits.');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function birthDateIn(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

function firstProblem(id: string, today: IsoDate | undefined): [IdNumberProblem, string] | undefined {
  if (id.length !== 18) {
    return [
      { kind: 'length', length: id.length },
      `An identity number has 18 characters (17 digits and a check character); this one has ${id.length}.`,
    ];
  }
  const badDigit = [...id.slice(0, 17)].findIndex((c) => c < '0' || c > '9');
  if (badDigit >= 0) {
    return [
      { kind: 'digit', position: badDigit + 1 },
      `Characters 1 to 17 of an identity number must be digits; character ${badDigit + 1} is '${id[badDigit]}'.`,
    ];
  }
  if (!/^[0-9X]$/.test(id[17])) {
    return [
      { kind: 'last_char' },
      `The last character of an identity number must be a digit or X; it is '${id[17]}'.`,
    ];
  }
  const birth = birthDateIn(id);
  if (!isIsoDate(birth)) {
    // `birth` narrows to never here (IsoDate is a string alias), so read the characters again.
    return [
      { kind: 'birth_date_invalid' },
      `Characters 7 to 14 of an identity number are the birth date; ${birthDateIn(id)} is not a real date.`,
    ];
  }
  if (compareDates(birth, EARLIEST_BIRTH_DATE) < 0) {
    return [
      { kind: 'birth_date_too_early', birthDate: birth },
      `The birth date in the identity number (${birth}) is before ${EARLIEST_BIRTH_DATE}.`,
    ];
  }
  if (today !== undefined && compareDates(birth, today) > 0) {
    return [
      { kind: 'birth_date_future', birthDate: birth },
      `The birth date in the identity number (${birth}) is in the future.`,
    ];
  }
  const expected = checkCharOf(id.slice(0, 17));
  if (id[17] !== expected) {
    return [
      { kind: 'check_char', expected, actual: id[17] },
      `The check character should be ${expected} but is ${id[17]}.`,
    ];
  }
  return undefined;
}

/**
 * Checks a resident identity number: 18 characters, 17 digits then a digit or `X` (`x` is
 * accepted and normalised), a real birth date in characters 7-14 between 1900-01-01 and
 * `options.today`, and the ISO 7064 MOD 11-2 check character. Surrounding whitespace is not
 * trimmed: a number with spaces is reported, never silently changed.
 */
export function validateIdNumber(raw: unknown, options: IdNumberOptions = {}): IdNumberValidation {
  if (typeof raw !== 'string') {
    return { ok: false, reason: 'The identity number must be a text string.', problem: { kind: 'not_text' } };
  }
  const id = raw.length === 18 && raw[17] === 'x' ? `${raw.slice(0, 17)}X` : raw;
  const found = firstProblem(id, options.today);
  if (found === undefined) return { ok: true, value: id as IdNumber };
  const [problem, reason] = found;
  return { ok: false, reason, problem };
}

/**
 * Like {@link validateIdNumber} but returns the normalised number or throws.
 * @param field the input field to name in the error (default `idNumber`).
 * @throws DomainError `VALIDATION_FAILED` with the reason as message and field error.
 */
export function parseIdNumber(
  raw: string,
  options: IdNumberOptions & { readonly field?: string } = {},
): IdNumber {
  const result = validateIdNumber(raw, options);
  if (result.ok) return result.value;
  const field = options.field ?? 'idNumber';
  throw new DomainError('VALIDATION_FAILED', result.reason, { errors: [{ field, message: result.reason }] });
}

/** The birth date an identity number carries, `YYYY-MM-DD`. */
export function birthDateOf(id: IdNumber): IsoDate {
  return birthDateIn(id);
}
