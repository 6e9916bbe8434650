import { HARDSHIP_TIERS, type EducationLevel, type HardshipTier } from '@union/contracts';
import { DomainError, compareDates, isIsoDate, type FieldError, type Fen } from '@union/kernel';
import {
  DEFAULT_ELIGIBLE_TIERS,
  EDUCATION_LEVELS,
  isEducationLevel,
  isFilled,
  isHardshipTier,
  type AmountsByLevelFen,
} from '../shared/grant-vocabulary';

/** The admin's input for a new campaign, as API.md `POST /campaigns` takes it. */
export interface CampaignTerms {
  readonly year: number;
  readonly name: string;
  readonly budgetFen: Fen;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly schoolStartOn: string;
  readonly amountsByLevelFen: AmountsByLevelFen;
  /** Defaults to deep and relative (DOMAIN.md §2). */
  readonly eligibleTiers?: readonly HardshipTier[];
}

/** The terms once valid: tiers defaulted, levels and tiers in canonical order, so replays compare equal. */
export interface ValidCampaignTerms extends CampaignTerms {
  readonly eligibleTiers: readonly HardshipTier[];
}

const isWholeFen = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);

function amountErrors(amounts: unknown): FieldError[] {
  if (typeof amounts !== 'object' || amounts === null || Array.isArray(amounts)) {
    return [{ field: 'amountsByLevelFen', message: 'amountsByLevelFen must map education levels to fen.' }];
  }
  const entries = Object.entries(amounts as Record<string, unknown>);
  const errors: FieldError[] = entries.flatMap(([level, fen]): FieldError[] => {
    const field = `amountsByLevelFen.${level}`;
    if (!isEducationLevel(level)) {
      return [
        {
          field,
          message: `'${level}' is not an education level; use one of ${EDUCATION_LEVELS.join(', ')}.`,
        },
      ];
    }
    if (!isWholeFen(fen) || fen <= 0) {
      return [
        {
          field,
          message: `The grant for ${level} must be a whole number of fen above 0; leave a level out to not fund it.`,
        },
      ];
    }
    return [];
  });
  if (entries.length === 0) {
    errors.push({
      field: 'amountsByLevelFen',
      message: 'A campaign must fund at least one education level.',
    });
  }
  return errors;
}

function tierErrors(tiers: unknown): FieldError[] {
  if (tiers === undefined) return [];
  if (!Array.isArray(tiers) || tiers.length === 0) {
    return [
      {
        field: 'eligibleTiers',
        message: 'eligibleTiers must name at least one hardship tier, or be left out.',
      },
    ];
  }
  return tiers.flatMap((tier: unknown, i): FieldError[] =>
    isHardshipTier(tier)
      ? []
      : [
          {
            field: `eligibleTiers[${i}]`,
            message: `'${String(tier)}' is not a hardship tier; use deep, relative or emergency.`,
          },
        ],
  );
}

function dateErrors(terms: CampaignTerms): FieldError[] {
  const errors: FieldError[] = (['opensOn', 'closesOn', 'schoolStartOn'] as const).flatMap((field) =>
    isIsoDate(terms[field])
      ? []
      : [{ field, message: `${field} must be a real date in the form YYYY-MM-DD.` }],
  );
  if (errors.length === 0 && compareDates(terms.opensOn, terms.closesOn) > 0) {
    errors.push({
      field: 'closesOn',
      message: `The window cannot close (${terms.closesOn}) before it opens (${terms.opensOn}).`,
    });
  }
  return errors;
}

function scalarErrors(terms: CampaignTerms): FieldError[] {
  const errors: FieldError[] = [];
  if (!Number.isSafeInteger(terms.year) || terms.year < 1000 || terms.year > 9999) {
    errors.push({ field: 'year', message: 'year must be a four-digit year.' });
  }
  if (!isFilled(terms.name)) errors.push({ field: 'name', message: 'The campaign needs a name.' });
  if (!isWholeFen(terms.budgetFen) || terms.budgetFen < 0) {
    errors.push({ field: 'budgetFen', message: 'budgetFen must be a whole number of fen, 0 or more.' });
  }
  return errors;
}

/**
 * Checks the terms of a new campaign and returns them normalised.
 * @throws DomainError `VALIDATION_FAILED` listing every invalid field at once, so the admin fixes
 * the form in one go.
 */
export function validateCampaignTerms(terms: CampaignTerms): ValidCampaignTerms {
  const errors = [
    ...scalarErrors(terms),
    ...dateErrors(terms),
    ...amountErrors(terms.amountsByLevelFen),
    ...tierErrors(terms.eligibleTiers),
  ];
  if (errors.length > 0) {
    const message =
      errors.length === 1 ? errors[0].message : `The campaign has ${errors.length} invalid fields.`;
    throw new DomainError('VALIDATION_FAILED', message, { errors });
  }
  const given = terms.eligibleTiers ?? DEFAULT_ELIGIBLE_TIERS;
  const amounts: Partial<Record<EducationLevel, Fen>> = {};
  for (const level of EDUCATION_LEVELS) {
    const fen = terms.amountsByLevelFen[level];
    if (fen !== undefined) amounts[level] = fen;
  }
  return {
    ...terms,
    name: terms.name.trim(),
    amountsByLevelFen: amounts,
    eligibleTiers: HARDSHIP_TIERS.filter((tier) => given.includes(tier)),
  };
}
