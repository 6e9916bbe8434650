import { DomainError, consentProblems, normaliseConsent } from '@union/kernel';
import { isRegionCode } from '../policy/region-policy';
import { INTAKE_CHANNELS } from '../shared/hardship-vocabulary';
import { compact, requireFen, requireOneOf, requireText, throwIfInvalid, check } from '../shared/validation';
import { validateTierInput } from '../tier/compute-tier';
import type { OpenCase } from './case.commands';
import type { HardshipCaseOpened } from './case.events';
import { assertPolicyFor, causesCheck, decideTier, overrideChecks } from './case.rules';
import type { CaseState } from './case.state';

function validateOpenCase(command: OpenCase): void {
  throwIfInvalid([
    requireText(command.name, 'person.name', "The person's name"),
    requireText(command.unitId, 'unitId'),
    check(
      isRegionCode(command.regionCode),
      'regionCode',
      `regionCode must be 6 digits; got ${String(command.regionCode)}.`,
    ),
    causesCheck(command.causes),
    requireOneOf(command.channel, INTAKE_CHANNELS, 'channel'),
    command.referralId === undefined ? null : requireText(command.referralId, 'referralId'),
    command.emergencyExpenseFen === undefined
      ? null
      : requireFen(command.emergencyExpenseFen, 'emergencyExpenseFen'),
    ...overrideChecks(command),
    ...consentProblems(command.consent, {
      on: command.today,
      required: command.dryRun !== true,
      names: typeof command.name === 'string' ? [command.name] : [],
    }),
  ]);
  validateTierInput({
    householdSize: command.household?.size,
    monthlyHouseholdIncomeFen: command.household?.monthlyIncomeFen,
  });
}

/**
 * Open a case file: validate, refuse a second open case of the person (409 with the existing id),
 * then decide the tier (NOT_ELIGIBLE above every line unless overridden with a reason).
 */
export function decideOpenCase(command: OpenCase, state: CaseState): HardshipCaseOpened[] {
  if (state.status !== 'none') {
    throw new DomainError('CONFLICT', 'A case with this id already exists.', {
      details: { caseId: state.caseId },
    });
  }
  validateOpenCase(command);
  if (command.existingOpenCaseId !== undefined) {
    throw new DomainError(
      'CONFLICT',
      'This person already has an open hardship case; add to that one instead.',
      {
        details: { existingCaseId: command.existingOpenCaseId },
      },
    );
  }
  assertPolicyFor(command.policy, command.regionCode);
  const decision = decideTier({ ...command, from: command.today });
  const data: HardshipCaseOpened['data'] = {
    caseId: command.caseId,
    personRef: command.personRef,
    idNumberMasked: command.idNumberMasked,
    name: command.name.trim(),
    phone: command.phone,
    unitId: command.unitId,
    regionCode: command.regionCode,
    causes: [...command.causes],
    channel: command.channel,
    referralId: command.referralId,
    consent: command.consent ? normaliseConsent(command.consent) : undefined,
    ...decision,
    openedOn: command.today,
    openedAt: command.now,
    openedBy: command.actor,
  };
  return [{ type: 'HardshipCaseOpened', data: compact(data) }];
}
