import { HARDSHIP_TIERS, type HardshipTier } from '@union/contracts';
import { compareDates, isIsoDate, validateBands, type Band, type FieldError } from '@union/kernel';
import { dateProblem, daysProblem, fenProblem, isBlank, note } from '../shared/checks';
import type { Period } from './period.events';

/** Defaults of DOMAIN.md §3 "Period". */
export const PERIOD_DEFAULTS = {
  contributionFen: 10_000,
  waitingDays: 0,
  claimDeadlineDays: 180,
  annualCapFen: 20_000_000,
  seriousIllnessThresholdFen: 6_000_000,
  seriousIllnessCapFen: 5_000_000,
  hardshipRiskThresholdFen: 3_000_000,
  waiveContributionForTiers: ['deep'] as readonly HardshipTier[],
} as const;

/** What an admin sends to open a period (API.md `POST /periods`); omitted values take defaults. */
export interface PeriodTerms {
  readonly name: string;
  readonly coverageStart: string;
  readonly coverageEnd: string;
  readonly enrollmentOpensOn: string;
  readonly enrollmentClosesOn: string;
  readonly contributionFen?: number;
  readonly waitingDays?: number;
  readonly claimDeadlineDays?: number;
  readonly rules: {
    readonly inpatient: {
      readonly deductibleFen: number;
      readonly bands: readonly Band[];
      readonly annualCapFen?: number;
    };
    readonly seriousIllness: {
      readonly thresholdFen?: number;
      readonly bands: readonly Band[];
      readonly capFen?: number;
    };
    readonly hardshipRisk?: { readonly thresholdFen?: number };
    readonly waiveContributionForTiers?: readonly string[];
  };
}

/** The period's terms with every default filled in: a {@link Period} minus identity and audit. */
export type ResolvedTerms = Omit<Period, 'periodId' | 'policyVersion' | 'openedBy' | 'openedAt'>;

/**
 * `validateBands` (kernel) is the single source of the band rules; its sentences start with
 * `Band <n>:`, which gives the index, and name the offending property.
 */
function bandErrors(bands: unknown, field: string): FieldError[] {
  if (!Array.isArray(bands)) return [{ field, message: 'must be a list of bands' }];
  return validateBands(bands as Band[]).map((message) => {
    const match = /^Band (\d+): /.exec(message);
    if (!match) return { field, message };
    const property = message.includes('ratioBp') ? 'ratioBp' : 'uptoFen';
    return { field: `${field}[${Number(match[1]) - 1}].${property}`, message };
  });
}

function orderErrors(terms: ResolvedTerms): FieldError[] {
  const errors: FieldError[] = [];
  const ordered = (earlier: keyof ResolvedTerms, later: keyof ResolvedTerms, message: string): void => {
    const a = terms[earlier];
    const b = terms[later];
    if (isIsoDate(a) && isIsoDate(b) && compareDates(a, b) > 0) errors.push({ field: later, message });
  };
  ordered('coverageStart', 'coverageEnd', 'must be on or after coverageStart');
  ordered('enrollmentOpensOn', 'enrollmentClosesOn', 'must be on or after enrollmentOpensOn');
  ordered(
    'enrollmentClosesOn',
    'coverageEnd',
    'must be on or after enrollmentClosesOn (no one can enroll after coverage ends)',
  );
  return errors;
}

function tierErrors(tiers: unknown): FieldError[] {
  const field = 'rules.waiveContributionForTiers';
  if (!Array.isArray(tiers)) return [{ field, message: 'must be a list of hardship tiers' }];
  const errors: FieldError[] = [];
  tiers.forEach((tier: unknown, i) => {
    if (!HARDSHIP_TIERS.includes(tier as HardshipTier)) {
      errors.push({
        field: `${field}[${i}]`,
        message: `must be one of ${HARDSHIP_TIERS.join(', ')}; got ${String(tier)}`,
      });
    } else if (tiers.indexOf(tier) !== i) {
      errors.push({ field: `${field}[${i}]`, message: `repeats ${String(tier)}` });
    }
  });
  return errors;
}

/** Fills in the defaults of DOMAIN.md §3; checks nothing. */
export function resolvePeriodTerms(terms: PeriodTerms): ResolvedTerms {
  const { inpatient, seriousIllness, hardshipRisk, waiveContributionForTiers } = terms.rules;
  const d = PERIOD_DEFAULTS;
  return {
    name: typeof terms.name === 'string' ? terms.name.trim() : terms.name,
    coverageStart: terms.coverageStart,
    coverageEnd: terms.coverageEnd,
    enrollmentOpensOn: terms.enrollmentOpensOn,
    enrollmentClosesOn: terms.enrollmentClosesOn,
    contributionFen: terms.contributionFen ?? d.contributionFen,
    waitingDays: terms.waitingDays ?? d.waitingDays,
    claimDeadlineDays: terms.claimDeadlineDays ?? d.claimDeadlineDays,
    rules: {
      inpatient: {
        deductibleFen: inpatient.deductibleFen,
        bands: inpatient.bands,
        annualCapFen: inpatient.annualCapFen ?? d.annualCapFen,
      },
      seriousIllness: {
        thresholdFen: seriousIllness.thresholdFen ?? d.seriousIllnessThresholdFen,
        bands: seriousIllness.bands,
        capFen: seriousIllness.capFen ?? d.seriousIllnessCapFen,
      },
      hardshipRisk: { thresholdFen: hardshipRisk?.thresholdFen ?? d.hardshipRiskThresholdFen },
      waiveContributionForTiers: (waiveContributionForTiers ??
        d.waiveContributionForTiers) as readonly HardshipTier[],
    },
  };
}

/**
 * Every problem with a period's terms (after defaults), as field errors with paths such as
 * `rules.inpatient.bands[1].ratioBp`; empty when the period can be opened.
 */
export function periodTermsErrors(resolved: ResolvedTerms): FieldError[] {
  const errors: FieldError[] = [];
  const { rules } = resolved;
  if (isBlank(resolved.name)) errors.push({ field: 'name', message: 'must not be empty' });
  for (const field of ['coverageStart', 'coverageEnd', 'enrollmentOpensOn', 'enrollmentClosesOn'] as const) {
    note(errors, field, dateProblem(resolved[field]));
  }
  errors.push(...orderErrors(resolved));
  note(errors, 'contributionFen', fenProblem(resolved.contributionFen));
  note(errors, 'waitingDays', daysProblem(resolved.waitingDays));
  note(errors, 'claimDeadlineDays', daysProblem(resolved.claimDeadlineDays));
  note(errors, 'rules.inpatient.deductibleFen', fenProblem(rules.inpatient.deductibleFen));
  errors.push(...bandErrors(rules.inpatient.bands, 'rules.inpatient.bands'));
  note(errors, 'rules.inpatient.annualCapFen', fenProblem(rules.inpatient.annualCapFen));
  note(errors, 'rules.seriousIllness.thresholdFen', fenProblem(rules.seriousIllness.thresholdFen));
  errors.push(...bandErrors(rules.seriousIllness.bands, 'rules.seriousIllness.bands'));
  note(errors, 'rules.seriousIllness.capFen', fenProblem(rules.seriousIllness.capFen));
  note(errors, 'rules.hardshipRisk.thresholdFen', fenProblem(rules.hardshipRisk.thresholdFen));
  errors.push(...tierErrors(rules.waiveContributionForTiers));
  return errors;
}
