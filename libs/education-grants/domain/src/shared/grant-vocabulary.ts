import { EDUCATION_LEVELS, HARDSHIP_TIERS, type EducationLevel, type HardshipTier } from '@union/contracts';
import type { Fen } from '@union/kernel';

/** Every education level a campaign may fund, in school order: the contract's one list. */
export { EDUCATION_LEVELS };

/** Tiers a campaign accepts when the admin names none (DOMAIN.md §2). */
export const DEFAULT_ELIGIBLE_TIERS: readonly HardshipTier[] = ['deep', 'relative'];

/** The grant per funded level; a level left out is not funded. */
export type AmountsByLevelFen = Readonly<Partial<Record<EducationLevel, Fen>>>;

/** True when `value` names an education level. */
export const isEducationLevel = (value: unknown): value is EducationLevel =>
  typeof value === 'string' && (EDUCATION_LEVELS as readonly string[]).includes(value);

/** True when `value` names a hardship tier. */
export const isHardshipTier = (value: unknown): value is HardshipTier =>
  typeof value === 'string' && (HARDSHIP_TIERS as readonly string[]).includes(value);

/** True when `value` is a non-blank string. */
export const isFilled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
