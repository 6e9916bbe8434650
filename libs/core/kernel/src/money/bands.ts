import { DomainError } from '../errors/domain-error';
import { applyRatioBp, assertFen, BP_ONE, sumFen, type Bp, type Fen } from './fen';

/**
 * One band of a piecewise rate: the part of an amount between the previous band's `uptoFen`
 * (0 for the first) and this band's `uptoFen` is paid at `ratioBp`. The last band has
 * `uptoFen: null` and covers everything above.
 */
export interface Band {
  readonly uptoFen: Fen | null;
  readonly ratioBp: Bp;
}

/** One band's share of an amount, as shown in a claim's quote. */
export interface BandPart {
  readonly uptoFen: Fen | null;
  readonly ratioBp: Bp;
  /** The part of the amount that falls inside this band. */
  readonly baseFen: Fen;
  /** `floor(baseFen * ratioBp / 10000)`. */
  readonly amountFen: Fen;
}

/** Result of {@link applyBands}: one part per band (zero parts included), and their sum. */
export interface BandsResult {
  readonly parts: readonly BandPart[];
  readonly totalFen: Fen;
}

/**
 * Lists what is wrong with a band table, in sentences an admin can act on; empty when valid.
 * Valid: at least one band; every `uptoFen` a whole number of fen, strictly ascending and above
 * 0; every `ratioBp` a whole number 0-10000; the last band, and only it, open-ended (`null`).
 */
export function validateBands(bands: readonly Band[]): string[] {
  if (bands.length === 0) return ['There must be at least one band.'];
  const problems: string[] = [];
  let previous = 0;
  bands.forEach((band, i) => {
    const n = i + 1;
    const last = i === bands.length - 1;
    if (!Number.isSafeInteger(band.ratioBp) || band.ratioBp < 0 || band.ratioBp > BP_ONE) {
      problems.push(`Band ${n}: ratioBp must be a whole number from 0 to 10000; got ${band.ratioBp}.`);
    }
    if (band.uptoFen === null) {
      if (!last) problems.push(`Band ${n}: only the last band may be open-ended (uptoFen null).`);
      return;
    }
    if (last) problems.push(`Band ${n}: the last band must be open-ended (uptoFen null).`);
    if (!Number.isSafeInteger(band.uptoFen)) {
      problems.push(`Band ${n}: uptoFen must be a whole number of fen; got ${band.uptoFen}.`);
    } else if (band.uptoFen <= previous) {
      problems.push(`Band ${n}: uptoFen (${band.uptoFen}) must be greater than ${previous}.`);
    } else {
      previous = band.uptoFen;
    }
  });
  return problems;
}

/**
 * Applies a band table to `amountFen`. Each band's part is rounded down to the whole fen, then
 * the parts are summed (DOMAIN.md "Conventions"): with 50% up to 5000000 and 60% beyond,
 * 19900000 gives 2500000 + 8940000 = 11440000.
 * @throws DomainError `VALIDATION_FAILED` for invalid bands or amount.
 */
export function applyBands(amountFen: Fen, bands: readonly Band[]): BandsResult {
  assertFen(amountFen, 'amountFen');
  const problems = validateBands(bands);
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', `The bands are not valid: ${problems.join(' ')}`);
  }
  let lower = 0;
  const parts = bands.map((band): BandPart => {
    const upper = band.uptoFen === null ? amountFen : Math.min(amountFen, band.uptoFen);
    const baseFen = Math.max(0, upper - lower);
    lower = band.uptoFen ?? lower;
    return {
      uptoFen: band.uptoFen,
      ratioBp: band.ratioBp,
      baseFen,
      amountFen: applyRatioBp(baseFen, band.ratioBp),
    };
  });
  return { parts, totalFen: sumFen(...parts.map((p) => p.amountFen)) };
}
