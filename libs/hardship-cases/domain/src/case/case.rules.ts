import { HARDSHIP_TIERS, type HardshipTier } from '@union/contracts';
import { addMonths, DomainError, type Fen, type IsoDate } from '@union/kernel';
import { ANY_REGION, type RegionPolicy } from '../policy/region-policy';
import type { HardshipCause, Household } from '../shared/hardship-vocabulary';
import { HARDSHIP_CAUSES } from '../shared/hardship-vocabulary';
import {
  check,
  requireFen,
  requireOneOf,
  requireText,
  throwIfInvalid,
  type Check,
} from '../shared/validation';
import { computeTier, notEligibleError, validateTierInput, type TierAssessment } from '../tier/compute-tier';
import type { TierDecision } from './case.events';
import type { ReassessCase, ReopenCase, TierOverride } from './case.commands';
import type { CaseState } from './case.state';

/** DOMAIN.md §1 "Dynamic management": emergencies are reviewed twice as often. */
export function nextReviewDue(tier: HardshipTier, from: IsoDate): IsoDate {
  switch (tier) {
    case 'deep':
    case 'relative':
      return addMonths(from, 12);
    case 'emergency':
      return addMonths(from, 6);
    default: {
      const _exhaustive: never = tier;
      return _exhaustive;
    }
  }
}

/** NOT_FOUND before the case exists; the commands on an existing case all need one. */
export function requireCase(state: CaseState): void {
  if (state.status === 'none') throw new DomainError('NOT_FOUND', 'There is no such hardship case.');
}

/** Work on the household (visits, assistance, pairing, reviews) needs an open case file. */
export function requireOpen(state: CaseState, what: string): void {
  requireCase(state);
  if (state.status !== 'open') {
    throw new DomainError('RULE_VIOLATION', `The case is closed: reopen it before you ${what}.`);
  }
}

/** The checks on an optional override: a tier from the list, and never without a reason. */
export function overrideChecks(command: TierOverride): Check[] {
  const { tierOverride, overrideReason } = command;
  if (tierOverride === undefined) {
    return [
      check(
        overrideReason === undefined,
        'overrideReason',
        'overrideReason is only given with a tierOverride.',
      ),
    ];
  }
  return [
    requireOneOf(tierOverride, HARDSHIP_TIERS, 'tierOverride'),
    requireText(overrideReason, 'overrideReason', 'A written overrideReason for the tier override'),
  ];
}

/** Causes are a non-empty set of the listed ones. */
export function causesCheck(causes: unknown, field = 'causes'): Check {
  const ok =
    Array.isArray(causes) &&
    causes.length > 0 &&
    causes.every((c) => (HARDSHIP_CAUSES as readonly unknown[]).includes(c)) &&
    new Set(causes).size === causes.length;
  return check(
    ok,
    field,
    `${field} must be a non-empty list without repeats of ${HARDSHIP_CAUSES.join(', ')}.`,
  );
}

/** A service bug, not a user mistake: a policy of another region would give a wrong tier. */
export function assertPolicyFor(policy: RegionPolicy, regionCode: string): void {
  if (policy.regionCode !== regionCode && policy.regionCode !== ANY_REGION) {
    throw new Error(`A policy of region ${policy.regionCode} was given for a case of region ${regionCode}.`);
  }
}

/** The tier of a household under a policy, before any override. */
export function assess(
  household: Household,
  emergencyExpenseFen: Fen | undefined,
  policy: RegionPolicy,
): TierAssessment {
  const input = { householdSize: household.size, monthlyHouseholdIncomeFen: household.monthlyIncomeFen };
  return computeTier(emergencyExpenseFen === undefined ? input : { ...input, emergencyExpenseFen }, policy);
}

/**
 * Opening and reopening: the computed tier, or the caseworker's override (which may open a case
 * the rules refuse). Without an override a refused household is `NOT_ELIGIBLE`, naming the line.
 */
export function decideTier(
  input: {
    household: Household;
    emergencyExpenseFen?: Fen;
    policy: RegionPolicy;
    from: IsoDate;
  } & TierOverride,
): TierDecision {
  const { household, emergencyExpenseFen, policy, from, tierOverride, overrideReason } = input;
  const assessment = assess(household, emergencyExpenseFen, policy);
  const tier = tierOverride ?? assessment.tier;
  if (tier === null) throw notEligibleError(assessment);
  return {
    household: { size: household.size, monthlyIncomeFen: household.monthlyIncomeFen },
    perCapitaIncomeFen: assessment.perCapitaIncomeFen,
    emergencyExpenseFen,
    computedTier: assessment.tier,
    tier,
    overrideReason: tierOverride === undefined ? undefined : overrideReason,
    policyVersion: policy.policyVersion,
    nextReviewDue: nextReviewDue(tier, from),
  };
}

/** The causes a command gives, else the case's current ones. */
export const causesOr = (
  given: readonly HardshipCause[] | undefined,
  state: CaseState,
): readonly HardshipCause[] => given ?? state.causes;

/** The fresh figures of a reassessment or reopening, each optional part checked when given. */
export function validateFigures(command: ReassessCase | ReopenCase): void {
  const { causes, emergencyExpenseFen, household } = command;
  throwIfInvalid([
    causes === undefined ? null : causesCheck(causes),
    emergencyExpenseFen === undefined ? null : requireFen(emergencyExpenseFen, 'emergencyExpenseFen'),
  ]);
  if (household !== undefined) {
    validateTierInput({
      householdSize: household.size,
      monthlyHouseholdIncomeFen: household.monthlyIncomeFen,
    });
  }
}
