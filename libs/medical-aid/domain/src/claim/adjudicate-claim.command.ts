import { DomainError, compareDates, type Fen, type IsoDate } from '@union/kernel';
import { dateProblem, isBlank, note, throwIfInvalid } from '../shared/checks';
import type { Period } from '../period/period.events';
import type { MembershipState } from '../membership/membership.events';
import { capLeftFen } from '../membership/membership.queries';
import type { ClaimEvent, ClaimState, ClaimStatus, ClaimSubmitted } from './claim.events';
import { quoteClaim } from './quote-claim';

/**
 * A reviewer approves a submitted claim, optionally lowering the eligible amount (with a reason).
 * The quote is computed again against the member's cap left now, so the service passes the
 * period and the current membership state.
 */
export interface ApproveClaim {
  readonly type: 'ApproveClaim';
  readonly claimId: string;
  readonly period: Period;
  readonly membership: MembershipState;
  readonly eligibleFen?: Fen;
  readonly reason?: string;
  readonly approvedBy: string;
  readonly approvedAt: string;
}

/** A reviewer rejects a submitted claim, with a reason. */
export interface RejectClaim {
  readonly type: 'RejectClaim';
  readonly claimId: string;
  readonly reason: string;
  readonly rejectedBy: string;
  readonly rejectedAt: string;
}

/** The approved payout was paid (`paidOn` business date, not after `today`). */
export interface PayClaim {
  readonly type: 'PayClaim';
  readonly claimId: string;
  readonly paymentRef: string;
  readonly paidOn: IsoDate;
  readonly today: IsoDate;
  readonly paidBy: string;
  readonly paidAt: string;
}

const VERB = { approve: 'approved', reject: 'rejected', pay: 'paid' } as const;

/** The submitted claim when its status is `expected`; NOT_FOUND or CONFLICT otherwise. */
function claimIn(
  state: ClaimState,
  claimId: string,
  expected: ClaimStatus,
  action: keyof typeof VERB,
): ClaimSubmitted['data'] {
  if (state.status === 'none' || state.claim === null)
    throw new DomainError('NOT_FOUND', `There is no claim ${claimId}.`);
  if (state.status !== expected) {
    throw new DomainError(
      'CONFLICT',
      `Claim ${claimId} is ${state.status}; only a ${expected} claim can be ${VERB[action]}.`,
      { details: { status: state.status } },
    );
  }
  return state.claim;
}

/**
 * @throws DomainError `SAME_ACTOR` when the approver submitted the claim; `VALIDATION_FAILED` for
 * an eligible amount above the computed one or without a reason; NOT_FOUND / CONFLICT by status.
 */
export function decideApproveClaim(command: ApproveClaim, state: ClaimState): ClaimEvent[] {
  const claim = claimIn(state, command.claimId, 'submitted', 'approve');
  if (command.approvedBy === claim.submittedBy) {
    throw new DomainError(
      'SAME_ACTOR',
      'The person who submitted this claim cannot approve it; another reviewer must.',
    );
  }
  const { period, membership, eligibleFen } = command;
  const member = membership.member;
  if (
    member?.personRef !== claim.personRef ||
    member.periodId !== claim.periodId ||
    period.periodId !== claim.periodId
  ) {
    throw new DomainError(
      'CONFLICT',
      `The period or membership given does not belong to claim ${claim.claimId}.`,
    );
  }
  const reason = isBlank(command.reason) ? null : (command.reason as string).trim();
  if (eligibleFen !== undefined && reason === null) {
    const message = 'is required when the eligible amount is lowered';
    throw new DomainError('VALIDATION_FAILED', `A reason ${message}.`, {
      errors: [{ field: 'reason', message }],
    });
  }
  const capLeft = capLeftFen(membership, period.rules.inpatient);
  const quote = quoteClaim(claim.bill, period.rules.inpatient, capLeft, period.policyVersion, eligibleFen);
  const eligibleLoweredFromFen =
    eligibleFen === undefined
      ? null
      : quoteClaim(claim.bill, period.rules.inpatient, capLeft, period.policyVersion).eligibleFen;
  const { approvedBy, approvedAt } = command;
  return [
    {
      type: 'ClaimApproved',
      data: { claimId: claim.claimId, quote, eligibleLoweredFromFen, reason, approvedBy, approvedAt },
    },
  ];
}

/** @throws DomainError `VALIDATION_FAILED` without a reason; NOT_FOUND / CONFLICT by status. */
export function decideRejectClaim(command: RejectClaim, state: ClaimState): ClaimEvent[] {
  const claim = claimIn(state, command.claimId, 'submitted', 'reject');
  if (isBlank(command.reason)) {
    throwIfInvalid('The rejection', [
      { field: 'reason', message: 'is required: say why the claim is rejected' },
    ]);
  }
  const { rejectedBy, rejectedAt } = command;
  return [
    {
      type: 'ClaimRejected',
      data: { claimId: claim.claimId, reason: command.reason.trim(), rejectedBy, rejectedAt },
    },
  ];
}

/** @throws DomainError `VALIDATION_FAILED` for a missing reference or a bad date; NOT_FOUND / CONFLICT by status. */
export function decidePayClaim(command: PayClaim, state: ClaimState): ClaimEvent[] {
  const claim = claimIn(state, command.claimId, 'approved', 'pay');
  const quote = state.quote as NonNullable<ClaimState['quote']>;
  const { paymentRef, paidOn, today, paidBy, paidAt } = command;
  const errors = isBlank(paymentRef) ? [{ field: 'paymentRef', message: 'must not be empty' }] : [];
  note(errors, 'paidOn', dateProblem(paidOn));
  if (errors.length === 0 && compareDates(paidOn, today) > 0) {
    errors.push({ field: 'paidOn', message: `must not be after today (${today})` });
  }
  throwIfInvalid('The payment', errors);
  const { claimId, periodId, personRef, unitId } = claim;
  const { outOfPocketFen, payoutFen } = quote;
  return [
    {
      type: 'ClaimPaid',
      data: {
        claimId,
        periodId,
        personRef,
        unitId,
        outOfPocketFen,
        payoutFen,
        paymentRef: paymentRef.trim(),
        paidOn,
        paidBy,
        paidAt,
      },
    },
  ];
}
