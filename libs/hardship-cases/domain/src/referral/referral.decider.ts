import { DomainError, type Decider } from '@union/kernel';
import { requireFen, requireText, throwIfInvalid } from '../shared/validation';
import type {
  AcceptReferral,
  AttachReferralToCase,
  DismissReferral,
  ReceiveReferral,
  ReferralCommand,
} from './referral.commands';
import {
  evolveReferral,
  initialReferralState,
  type ReferralAccepted,
  type ReferralAttached,
  type ReferralDismissed,
  type ReferralEvent,
  type ReferralReceived,
  type ReferralState,
} from './referral.events';

/** A redelivered risk report is recognised by its source event and changes nothing. */
function decideReceive(command: ReceiveReferral, state: ReferralState): ReferralEvent[] {
  if (state.status !== 'none') {
    if (state.sourceEventId === command.sourceEventId) return [];
    throw new DomainError('CONFLICT', 'A referral with this id already exists.');
  }
  throwIfInvalid([
    requireText(command.personRef, 'personRef'),
    requireText(command.sourceEventId, 'sourceEventId'),
    requireFen(command.remainingBurdenFen, 'remainingBurdenFen'),
  ]);
  const { referralId, personRef, unitId, memberName, remainingBurdenFen, periodId, sourceEventId } = command;
  const received: ReferralReceived['data'] = {
    ...{ referralId, personRef, unitId, memberName, remainingBurdenFen, periodId, sourceEventId },
    claimIds: [...command.claimIds],
    receivedAt: command.now,
  };
  if (command.openCaseId === undefined) return [{ type: 'ReferralReceived', data: received }];
  const attached = {
    referralId,
    caseId: command.openCaseId,
    attachedAt: command.now,
    attachedBy: command.actor,
  };
  return [
    { type: 'ReferralReceived', data: received },
    { type: 'ReferralAttached', data: attached },
  ];
}

function requirePending(state: ReferralState, what: string): void {
  if (state.status === 'none') throw new DomainError('NOT_FOUND', 'There is no such referral.');
  if (state.status !== 'pending') {
    throw new DomainError(
      'RULE_VIOLATION',
      `The referral is already ${state.status}; only a pending one can be ${what}.`,
    );
  }
}

/**
 * Accept the referral for a case being opened with it. Choice: a different person is a
 * `VALIDATION_FAILED` on `person.idNumber`, not `NOT_ELIGIBLE`: the caseworker typed an identity
 * number that is not the referred member's, and fixes the input (or the referral id) to go on.
 */
function decideAccept(command: AcceptReferral, state: ReferralState): ReferralAccepted[] {
  if (state.status === 'accepted' && state.caseId === command.caseId) return [];
  requirePending(state, 'accepted');
  if (state.personRef !== command.personRef) {
    const message = 'The identity number given is not the one of the person this referral is about.';
    throw new DomainError('VALIDATION_FAILED', message, { errors: [{ field: 'person.idNumber', message }] });
  }
  const data = {
    referralId: state.referralId,
    caseId: command.caseId,
    acceptedAt: command.now,
    acceptedBy: command.actor,
  };
  return [{ type: 'ReferralAccepted', data }];
}

function decideAttach(command: AttachReferralToCase, state: ReferralState): ReferralAttached[] {
  if (state.status === 'attached' && state.caseId === command.caseId) return [];
  requirePending(state, 'attached');
  const data = {
    referralId: state.referralId,
    caseId: command.caseId,
    attachedAt: command.now,
    attachedBy: command.actor,
  };
  return [{ type: 'ReferralAttached', data }];
}

function decideDismiss(command: DismissReferral, state: ReferralState): ReferralDismissed[] {
  requirePending(state, 'dismissed');
  throwIfInvalid([requireText(command.reason, 'reason', 'A reason for dismissing the referral')]);
  const data = {
    referralId: state.referralId,
    reason: command.reason.trim(),
    by: command.actor,
    dismissedAt: command.now,
  };
  return [{ type: 'ReferralDismissed', data }];
}

/** The events a command on a referral produces; throws a DomainError when a rule refuses it. */
export function decideReferral(command: ReferralCommand, state: ReferralState): ReferralEvent[] {
  switch (command.type) {
    case 'ReceiveReferral':
      return decideReceive(command, state);
    case 'AcceptReferral':
      return decideAccept(command, state);
    case 'AttachReferralToCase':
      return decideAttach(command, state);
    case 'DismissReferral':
      return decideDismiss(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** The decider of a `referral-<uuid>` stream: the referral inbox of DOMAIN.md §1. */
export const referralDecider: Decider<ReferralState, ReferralCommand, ReferralEvent> = {
  initialState: initialReferralState,
  evolve: evolveReferral,
  decide: decideReferral,
};
