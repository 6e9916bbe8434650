import { DomainError } from '@union/kernel';
import { compact, requireText, throwIfInvalid } from '../shared/validation';
import type { ReopenCase } from './case.commands';
import type { HardshipCaseReopened } from './case.events';
import {
  assertPolicyFor,
  causesOr,
  decideTier,
  overrideChecks,
  requireCase,
  validateFigures,
} from './case.rules';
import type { CaseState } from './case.state';

/**
 * Reopen a closed case; the tier is computed again under the policy in force. Choice (DOMAIN.md
 * is silent): a household still above every line is refused with NOT_ELIGIBLE, exactly as an
 * opening would be, unless the caseworker overrides the tier with a written reason. Reopening
 * must not become a way round the rules that govern opening.
 */
export function decideReopenCase(command: ReopenCase, state: CaseState): HardshipCaseReopened[] {
  requireCase(state);
  if (state.status !== 'closed') {
    throw new DomainError('RULE_VIOLATION', 'Only a closed case can be reopened.');
  }
  throwIfInvalid([
    requireText(command.reason, 'reason', 'A reason for reopening'),
    ...overrideChecks(command),
  ]);
  validateFigures(command);
  assertPolicyFor(command.policy, state.regionCode);
  // Without new figures the last ones are assessed again as recorded, emergency expense included.
  const household = command.household ?? state.household;
  if (household === null) throw new Error('A closed case always has the figures it was opened with.');
  const emergencyExpenseFen = command.household ? command.emergencyExpenseFen : state.emergencyExpenseFen;
  const decision = decideTier({ ...command, household, emergencyExpenseFen, from: command.today });
  const data: HardshipCaseReopened['data'] = {
    caseId: state.caseId,
    personRef: state.personRef,
    reason: command.reason.trim(),
    causes: [...causesOr(command.causes, state)],
    ...decision,
    reopenedOn: command.today,
    reopenedAt: command.now,
    reopenedBy: command.actor,
  };
  return [{ type: 'HardshipCaseReopened', data: compact(data) }];
}
