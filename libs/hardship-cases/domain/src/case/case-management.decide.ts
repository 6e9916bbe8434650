import { DomainError, isIsoDate } from '@union/kernel';
import { CLOSE_REASONS, EXTERNAL_TYPES_BY_SOURCE } from '../shared/hardship-vocabulary';
import type { ReferralAttached } from '../shared/referral-attached.event';
import { check, compact, requireFen, requireOneOf, requireText, throwIfInvalid } from '../shared/validation';
import type {
  AssignPairing,
  AttachReferral,
  CloseCase,
  RecordExternalAssistance,
  RecordVisit,
} from './case.commands';
import type {
  ExternalAssistanceRecorded,
  HardshipCaseClosed,
  HomeVisitRecorded,
  PairingAssigned,
} from './case.events';
import { requireCase, requireOpen } from './case.rules';
import type { CaseState } from './case.state';

/** A home visit on an open case; it cannot have happened after today (China time). */
export function decideRecordVisit(command: RecordVisit, state: CaseState): HomeVisitRecorded[] {
  requireOpen(state, 'record a visit');
  const { visitedOn, today } = command;
  throwIfInvalid([
    check(
      isIsoDate(visitedOn),
      'visitedOn',
      `visitedOn must be a date YYYY-MM-DD; got ${String(visitedOn)}.`,
    ),
    check(
      !isIsoDate(visitedOn) || visitedOn <= today,
      'visitedOn',
      `visitedOn ${visitedOn} is in the future.`,
    ),
    requireText(command.visitor, 'visitor'),
    requireText(command.findings, 'findings'),
  ]);
  const data: HomeVisitRecorded['data'] = {
    caseId: state.caseId,
    visitId: command.visitId,
    visitedOn,
    visitor: command.visitor.trim(),
    findings: command.findings.trim(),
    recordedBy: command.actor,
    recordedAt: command.now,
  };
  return [{ type: 'HomeVisitRecorded', data }];
}

/** Pair a helper; the event keeps the pairing it ends. The same helper again changes nothing (PUT). */
export function decideAssignPairing(command: AssignPairing, state: CaseState): PairingAssigned[] {
  requireOpen(state, 'assign a helper');
  throwIfInvalid([
    requireText(command.helperName, 'helperName'),
    requireText(command.helperUnit, 'helperUnit'),
  ]);
  const helperName = command.helperName.trim();
  const helperUnit = command.helperUnit.trim();
  const previous = state.pairing;
  if (previous && previous.helperName === helperName && previous.helperUnit === helperUnit) return [];
  const data = {
    caseId: state.caseId,
    helperName,
    helperUnit,
    assignedOn: command.today,
    assignedBy: command.actor,
    previous,
  };
  return [{ type: 'PairingAssigned', data }];
}

/** Close an open case with one of the listed reasons. */
export function decideCloseCase(command: CloseCase, state: CaseState): HardshipCaseClosed[] {
  requireCase(state);
  if (state.status !== 'open') throw new DomainError('RULE_VIOLATION', 'The case is already closed.');
  throwIfInvalid([requireOneOf(command.reason, CLOSE_REASONS, 'reason')]);
  const data: HardshipCaseClosed['data'] = {
    caseId: state.caseId,
    personRef: state.personRef,
    reason: command.reason,
    note: command.note?.trim() || undefined,
    closedOn: command.today,
    closedAt: command.now,
    closedBy: command.actor,
  };
  return [{ type: 'HardshipCaseClosed', data: compact(data) }];
}

/** Put a referral into an open case's history; the same referral twice changes nothing. */
export function decideAttachReferral(command: AttachReferral, state: CaseState): ReferralAttached[] {
  requireOpen(state, 'attach a referral');
  throwIfInvalid([requireText(command.referralId, 'referralId')]);
  if (state.referralIds.includes(command.referralId)) return [];
  const data = {
    referralId: command.referralId,
    caseId: state.caseId,
    attachedAt: command.now,
    attachedBy: command.actor,
  };
  return [{ type: 'ReferralAttached', data }];
}

/**
 * Record another programme's payment, once per source event: a redelivered event emits nothing.
 * Choice: also on a closed case (the service picks the person's open case, but it may close in
 * between); the payment happened, and refusing it would only lose it from the household's file.
 */
export function decideRecordExternalAssistance(
  command: RecordExternalAssistance,
  state: CaseState,
): ExternalAssistanceRecorded[] {
  requireCase(state);
  if (state.externalSourceEventIds.includes(command.sourceEventId)) return [];
  const { source, eventType, occurredOn } = command;
  const types = EXTERNAL_TYPES_BY_SOURCE[source] ?? [];
  throwIfInvalid([
    requireText(command.sourceEventId, 'sourceEventId'),
    check(
      types.includes(eventType),
      'type',
      `${String(source)} does not report ${String(eventType)} events.`,
    ),
    requireFen(command.amountFen, 'amountFen'),
    check(
      isIsoDate(occurredOn),
      'occurredOn',
      `occurredOn must be a date YYYY-MM-DD; got ${String(occurredOn)}.`,
    ),
  ]);
  const data: ExternalAssistanceRecorded['data'] = {
    caseId: state.caseId,
    source,
    sourceEventId: command.sourceEventId,
    type: eventType,
    amountFen: command.amountFen,
    occurredOn,
    recordedAt: command.now,
  };
  return [{ type: 'ExternalAssistanceRecorded', data }];
}
