import type { HardshipTier } from '@union/contracts';
import { compact } from '../shared/validation';
import { aboveLineMessage, type TierAssessment } from '../tier/compute-tier';
import type { ReassessCase } from './case.commands';
import type { HardshipCaseClosed, HardshipCaseReassessed, HardshipTierChanged } from './case.events';
import { assertPolicyFor, assess, causesOr, nextReviewDue, requireOpen, validateFigures } from './case.rules';
import type { CaseState } from './case.state';

type ReassessEvent = HardshipCaseReassessed | HardshipTierChanged | HardshipCaseClosed;

function reassessed(
  command: ReassessCase,
  state: CaseState,
  assessment: TierAssessment,
  tier: HardshipTier,
): HardshipCaseReassessed {
  const { household, emergencyExpenseFen, today } = command;
  const data: HardshipCaseReassessed['data'] = {
    caseId: state.caseId,
    household: { size: household.size, monthlyIncomeFen: household.monthlyIncomeFen },
    perCapitaIncomeFen: assessment.perCapitaIncomeFen,
    emergencyExpenseFen,
    causes: [...causesOr(command.causes, state)],
    computedTier: assessment.tier,
    tier,
    policyVersion: command.policy.policyVersion,
    nextReviewDue: assessment.tier === null ? null : nextReviewDue(assessment.tier, today),
    reassessedOn: today,
    reassessedAt: command.now,
    reassessedBy: command.actor,
  };
  return { type: 'HardshipCaseReassessed', data: compact(data) };
}

function closedOutOfHardship(
  command: ReassessCase,
  state: CaseState,
  assessment: TierAssessment,
): HardshipCaseClosed {
  const data: HardshipCaseClosed['data'] = {
    caseId: state.caseId,
    personRef: state.personRef,
    reason: 'out_of_hardship',
    note: `Closed by reassessment: ${aboveLineMessage(assessment)}.`,
    closedOn: command.today,
    closedAt: command.now,
    closedBy: command.actor,
  };
  return { type: 'HardshipCaseClosed', data };
}

/**
 * A periodic review with fresh figures. The emergency expense is part of those figures: one not
 * given again is not carried over, since it must fall in the 12 months before this review.
 * No override here (API.md offers none): a household now above every line closes the case as
 * `out_of_hardship` (its tier stays as it was), and a caseworker who disagrees reopens it with
 * an override and a reason. An earlier override does not outlive the assessment it was given for.
 */
export function decideReassessCase(command: ReassessCase, state: CaseState): ReassessEvent[] {
  requireOpen(state, 'reassess it');
  validateFigures(command);
  assertPolicyFor(command.policy, state.regionCode);
  const assessment = assess(command.household, command.emergencyExpenseFen, command.policy);
  const fromTier = state.tier;
  if (fromTier === null) throw new Error('An open case always has a tier.');
  const toTier = assessment.tier;
  if (toTier === null) {
    return [
      reassessed(command, state, assessment, fromTier),
      closedOutOfHardship(command, state, assessment),
    ];
  }
  const events: ReassessEvent[] = [reassessed(command, state, assessment, toTier)];
  if (toTier !== fromTier) {
    const { caseId, personRef } = state;
    events.push({
      type: 'HardshipTierChanged',
      data: { caseId, personRef, fromTier, toTier, changedOn: command.today },
    });
  }
  return events;
}
