// Fixtures for tests. Left out of Nx "production" inputs (nx.json), so never import it from
// production code; it is re-exported from the barrel only because no separate alias exists yet.
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import { checkCharOf } from './identity/id-number';

/**
 * A valid identity number made from its first 17 digits by appending the right check character,
 * e.g. `idNumberWithCheckChar('11010519491231002')` is `11010519491231002X`. The birth date inside
 * is not checked here; {@link parseIdNumber} does that.
 */
export function idNumberWithCheckChar(first17: string): string {
  return first17 + checkCharOf(first17);
}

/** A clock that always reads `iso` (an ISO-8601 instant) until {@link FixedClock.set} moves it. */
export interface FixedClock extends Clock {
  set(iso: string): void;
}

/** A {@link FixedClock} starting at `iso`. */
export function fixedClock(iso: string): FixedClock {
  let current = new Date(iso);
  return {
    now: () => new Date(current.getTime()),
    set: (next) => {
      current = new Date(next);
    },
  };
}

/**
 * Ids `<prefix>-1`, `<prefix>-2`, ... When the prefix is omitted they are valid UUIDs
 * (`00000000-0000-4000-8000-000000000001`, ...) so code that checks the format accepts them.
 */
export function sequentialIds(prefix?: string): IdGenerator {
  let n = 0;
  return {
    next: () => {
      n += 1;
      return prefix === undefined
        ? `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
        : `${prefix}-${n}`;
    },
  };
}
