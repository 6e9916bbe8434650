import { isIsoDate } from '@union/kernel';

/** `hex(HMAC-SHA256(…))`, as `personRef` in @union/kernel writes it (DOMAIN.md, "personRef"). */
const PERSON_REF = /^[0-9a-f]{64}$/;
/** A record id as the services mint them (`randomUUID`, lower case; API.md, "Stream ids"). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** An administrative division code (行政区划代码). */
const REGION_CODE = /^\d{6}$/;
/** Free text in a payload (unit ids, names, reasons): enough for any real one, not a megabyte. */
const MAX_TEXT = 200;

/**
 * Reads the fields of one payload against its contract, collecting every problem instead of
 * stopping at the first. A getter returns the value when it is valid and a placeholder of the
 * right type otherwise; callers throw when {@link problems} is not empty, so a placeholder never
 * leaves the contract's parser. Problems name the field and what was wrong, never the value
 * itself (payloads carry personal data: names), except for enumerations, whose values are not.
 */
export class PayloadReader {
  readonly problems: string[] = [];
  private readonly fields: Readonly<Record<string, unknown>>;

  constructor(value: unknown) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      this.fields = value as Record<string, unknown>;
    } else {
      this.fields = {};
      this.problems.push(`the value must be a JSON object; got ${describe(value)}`);
    }
  }

  /** A person's pseudonymous reference: 64 lower-case hex characters. */
  personRef(name: string): string {
    return this.string(name, (s) => PERSON_REF.test(s), 'a personRef (64 lower-case hex characters)');
  }

  /** A record id: a lower-case UUID. */
  uuid(name: string): string {
    return this.string(name, (s) => UUID.test(s), 'a lower-case UUID');
  }

  /** Non-blank text of at most 200 characters. */
  text(name: string): string {
    return this.string(
      name,
      (s) => s.trim() !== '' && s.length <= MAX_TEXT,
      `non-blank text of at most ${MAX_TEXT} characters`,
    );
  }

  /** Text of at most 200 characters that may be empty (`''`: none, as a root's `parentId`). */
  optionalText(name: string): string {
    return this.string(name, (s) => s.length <= MAX_TEXT, `text of at most ${MAX_TEXT} characters`);
  }

  /** Six digits. */
  regionCode(name: string): string {
    return this.string(name, (s) => REGION_CODE.test(s), 'a region code of 6 digits');
  }

  /** A real calendar date `YYYY-MM-DD`. */
  date(name: string): string {
    return this.string(name, isIsoDate, 'a date YYYY-MM-DD');
  }

  /** An amount of money: a whole, non-negative number of fen within the safe integers. */
  fen(name: string): number {
    const value = this.fields[name];
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
    this.problems.push(`${name} must be a whole, non-negative number of fen; got ${describe(value)}`);
    return 0;
  }

  /** One of `allowed`; the value is named in the problem (enumerations carry no personal data). */
  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.fields[name];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const got = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : describe(value);
    this.problems.push(`${name} must be one of ${allowed.join(', ')}; got ${got}`);
    return allowed[0];
  }

  /** A list of record ids (possibly empty). */
  uuids(name: string): string[] {
    const value = this.fields[name];
    if (!Array.isArray(value)) {
      this.problems.push(`${name} must be a list of lower-case UUIDs; got ${describe(value)}`);
      return [];
    }
    const bad = value.flatMap((item: unknown, i) => (typeof item === 'string' && UUID.test(item) ? [] : [i]));
    if (bad.length > 0)
      this.problems.push(`${name} must hold only lower-case UUIDs; not at [${bad.join(', ')}]`);
    return value.filter((item): item is string => typeof item === 'string');
  }

  /** Records a rule across fields (e.g. a payout above the out-of-pocket amount). */
  check(ok: boolean, problem: string): void {
    if (!ok) this.problems.push(problem);
  }

  private string(name: string, valid: (s: string) => boolean, what: string): string {
    const value = this.fields[name];
    if (typeof value === 'string' && valid(value)) return value;
    this.problems.push(`${name} must be ${what}; got ${describe(value)}`);
    return '';
  }
}

/** What a value is, without echoing it. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'a non-finite number';
    if (!Number.isInteger(value)) return 'a fractional number';
    if (!Number.isSafeInteger(value)) return 'a number beyond the safe integers';
    return value < 0 ? 'a negative number' : 'a number';
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return `a ${typeof value}`;
}
