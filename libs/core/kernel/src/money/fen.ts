import { DomainError } from '../errors/domain-error';

/** An amount of money in fen (1 yuan = 100 fen): a non-negative safe integer, never a float. */
export type Fen = number;

/** A ratio in basis points: 10000 = 100%. */
export type Bp = number;

/** Basis points in one whole. */
export const BP_ONE = 10_000;

/**
 * Asserts `n` is a valid amount of fen: a safe integer >= 0.
 * @param field the input field to name in the error, e.g. `bill.totalFen`.
 * @throws DomainError `VALIDATION_FAILED` naming the field.
 */
export function assertFen(n: unknown, field: string): asserts n is Fen {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    const message = `${field} must be a whole number of fen, 0 or more; got ${String(n)}.`;
    throw new DomainError('VALIDATION_FAILED', message, { errors: [{ field, message }] });
  }
}

function assertBp(bp: number): void {
  if (!Number.isSafeInteger(bp) || bp < 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `A ratio must be a whole number of basis points, 0 or more; got ${bp}.`,
    );
  }
}

function toFen(value: bigint, what: string): Fen {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new DomainError('VALIDATION_FAILED', `${what} is too large to represent exactly in fen.`);
  }
  return Number(value);
}

/**
 * `floor(fen * bp / 10000)`: the share `bp` of an amount, rounded down to the whole fen.
 * The product can pass 2^53 for large amounts, so it is computed in BigInt.
 */
export function applyRatioBp(fen: Fen, bp: Bp): Fen {
  assertFen(fen, 'amount');
  assertBp(bp);
  return toFen((BigInt(fen) * BigInt(bp)) / BigInt(BP_ONE), 'The share');
}

/**
 * The sum of amounts in fen.
 * @throws DomainError when an amount is not valid fen or the sum passes `Number.MAX_SAFE_INTEGER`.
 */
export function sumFen(...amounts: readonly Fen[]): Fen {
  let total = 0n;
  amounts.forEach((a, i) => {
    assertFen(a, `amounts[${i}]`);
    total += BigInt(a);
  });
  return toFen(total, 'The sum');
}
