import type { HardshipTier } from '@union/contracts';
import { applyRatioBp, DomainError, type Fen } from '@union/kernel';
import type { RegionPolicy } from '../policy/region-policy';
import { check, requireFen, throwIfInvalid } from '../shared/validation';

/** The household figures of DOMAIN.md §1 "Tier". */
export interface TierInput {
  readonly monthlyHouseholdIncomeFen: Fen;
  readonly householdSize: number;
  /** One-off expense in the last 12 months, if any. */
  readonly emergencyExpenseFen?: Fen;
}

/** The lines of a policy the tier is computed against. */
export type TierPolicy = Pick<RegionPolicy, 'minimumLivingStandardFen' | 'relativeMultiplierBp'>;

/** A hardship line: `L` itself, or the relative line above it. */
export type HardshipLine = 'minimum_living_standard' | 'relative_line';

/** The outcome of {@link computeTier}, with the figures that explain it. */
export interface TierAssessment {
  /** null: the household is above every line and the rules refuse it. */
  readonly tier: HardshipTier | null;
  readonly perCapitaIncomeFen: Fen;
  readonly minimumLivingStandardFen: Fen;
  readonly relativeLineFen: Fen;
  /**
   * The highest line the per-capita income is above: absent for `deep`, `minimum_living_standard`
   * for `relative`, `relative_line` for `emergency` and for a refusal.
   */
  readonly exceeded?: HardshipLine;
}

/** Throws `VALIDATION_FAILED` naming the API's fields when the figures cannot be computed with. */
export function validateTierInput(input: TierInput): void {
  const { householdSize: size, monthlyHouseholdIncomeFen: income, emergencyExpenseFen: expense } = input;
  throwIfInvalid([
    check(
      typeof size === 'number' && Number.isSafeInteger(size) && size >= 1,
      'household.size',
      `household.size must be a whole number, 1 or more; got ${String(size)}.`,
    ),
    requireFen(income, 'household.monthlyIncomeFen'),
    expense === undefined ? null : requireFen(expense, 'emergencyExpenseFen'),
  ]);
}

/**
 * The tier of a household under `policy`, exactly as DOMAIN.md §1 states it:
 * `p = floor(income / size)`; `deep` when `p <= L`; `relative` when `p <= floor(L * mult / 10000)`;
 * above that `emergency` when the expense is at least 12 months of income; otherwise null.
 * @throws DomainError `VALIDATION_FAILED` for a size below 1 or amounts that are not fen.
 */
export function computeTier(input: TierInput, policy: TierPolicy): TierAssessment {
  validateTierInput(input);
  const perCapitaIncomeFen = Math.floor(input.monthlyHouseholdIncomeFen / input.householdSize);
  const minimumLivingStandardFen = policy.minimumLivingStandardFen;
  const relativeLineFen = applyRatioBp(minimumLivingStandardFen, policy.relativeMultiplierBp);
  const figures = { perCapitaIncomeFen, minimumLivingStandardFen, relativeLineFen };
  if (perCapitaIncomeFen <= minimumLivingStandardFen) return { tier: 'deep', ...figures };
  if (perCapitaIncomeFen <= relativeLineFen) {
    return { tier: 'relative', ...figures, exceeded: 'minimum_living_standard' };
  }
  return { tier: isEmergency(input) ? 'emergency' : null, ...figures, exceeded: 'relative_line' };
}

// BigInt: 12 x a large income can pass 2^53, where a float comparison would be off by a few fen.
function isEmergency({ emergencyExpenseFen, monthlyHouseholdIncomeFen }: TierInput): boolean {
  return (
    emergencyExpenseFen !== undefined &&
    BigInt(emergencyExpenseFen) >= 12n * BigInt(monthlyHouseholdIncomeFen)
  );
}

/** `135000` -> `1350.00 yuan (135000 fen)`: caseworkers think in yuan, the API speaks fen. */
export function formatYuan(fen: Fen): string {
  const yuan = Math.floor(fen / 100);
  const cents = String(fen % 100).padStart(2, '0');
  return `${yuan}.${cents} yuan (${fen} fen)`;
}

/** Which line the household is above, in yuan and fen: `Per-capita monthly income of ... is above ...`. */
export function aboveLineMessage(assessment: TierAssessment): string {
  return (
    `Per-capita monthly income of ${formatYuan(assessment.perCapitaIncomeFen)} is above the relative ` +
    `hardship line of ${formatYuan(assessment.relativeLineFen)}`
  );
}

/** The sentence a refused opening or reopening shows: which line was exceeded, and what would help. */
export function notEligibleMessage(assessment: TierAssessment): string {
  return (
    `${aboveLineMessage(assessment)}, and no one-off expense of at least 12 months of household ` +
    `income was given; a tier override with a written reason is needed.`
  );
}

/** `NOT_ELIGIBLE` for a household above every line, with the figures as problem fields. */
export function notEligibleError(assessment: TierAssessment): DomainError {
  return new DomainError('NOT_ELIGIBLE', notEligibleMessage(assessment), {
    details: {
      exceededLine: assessment.exceeded ?? 'relative_line',
      perCapitaIncomeFen: assessment.perCapitaIncomeFen,
      relativeLineFen: assessment.relativeLineFen,
      minimumLivingStandardFen: assessment.minimumLivingStandardFen,
    },
  });
}
