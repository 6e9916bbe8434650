import { DomainError, isIsoDate, compareDates } from '@union/kernel';
import { isFilled } from '../shared/grant-vocabulary';
import type {
  ApproveApplication,
  DisburseGrant,
  RejectApplication,
  WithdrawApplication,
} from './application.commands';
import type {
  ApplicationEvent,
  ApplicationState,
  ApplicationStatus,
  GrantApplicationSubmitted,
} from './application.events';

type Submission = GrantApplicationSubmitted['data'];

const STATUS_WORDS: Readonly<Record<ApplicationStatus, string>> = {
  submitted: 'awaiting review',
  approved: 'approved',
  rejected: 'rejected',
  disbursed: 'paid already',
  withdrawn: 'withdrawn',
  on_hold: "on hold because the parent's hardship case is no longer open under an eligible tier",
};

/**
 * The submission of an application in one of `allowed` statuses.
 * @throws DomainError NOT_FOUND before submission; RULE_VIOLATION on hold (a rule of DOMAIN.md,
 * not a race); CONFLICT in any other status the action does not apply to.
 */
function requireStatus(
  state: ApplicationState,
  allowed: readonly ApplicationStatus[],
  action: string,
): Submission {
  if (state.status === 'none' || state.submitted === null) {
    throw new DomainError('NOT_FOUND', 'There is no such application.');
  }
  if (allowed.includes(state.status)) return state.submitted;
  const code = state.status === 'on_hold' ? 'RULE_VIOLATION' : 'CONFLICT';
  throw new DomainError(
    code,
    `The application is ${STATUS_WORDS[state.status]}, so it cannot be ${action}.`,
    {
      details: { status: state.status },
    },
  );
}

function requireReason(reason: string, what: string): string {
  if (!isFilled(reason)) {
    const message = `A reason is required to ${what} an application.`;
    throw new DomainError('VALIDATION_FAILED', message, { errors: [{ field: 'reason', message }] });
  }
  return reason.trim();
}

// Four eyes (DOMAIN.md §2): whoever submitted the application may not decide on it.
function requireOtherReviewer(submission: Submission, by: string): void {
  if (submission.submittedBy === by) {
    throw new DomainError(
      'SAME_ACTOR',
      'You submitted this application, so another reviewer must decide on it.',
    );
  }
}

/** A reviewer approves a submitted application. The service reserves the budget in the same transaction. */
export function approveApplication(command: ApproveApplication, state: ApplicationState): ApplicationEvent[] {
  const submission = requireStatus(state, ['submitted'], 'approved');
  requireOtherReviewer(submission, command.by);
  const { applicationId } = submission;
  const recurring = command.recurring === true;
  return [
    { type: 'GrantApplicationApproved', data: { applicationId, by: command.by, at: command.now, recurring } },
  ];
}

/** A reviewer rejects a submitted application, with a reason. */
export function rejectApplication(command: RejectApplication, state: ApplicationState): ApplicationEvent[] {
  const submission = requireStatus(state, ['submitted'], 'rejected');
  const reason = requireReason(command.reason, 'reject');
  requireOtherReviewer(submission, command.by);
  const { applicationId } = submission;
  return [
    { type: 'GrantApplicationRejected', data: { applicationId, by: command.by, at: command.now, reason } },
  ];
}

/** Records the payment of an approved grant; flagged late when paid after school started. */
export function disburseGrant(command: DisburseGrant, state: ApplicationState): ApplicationEvent[] {
  const submission = requireStatus(state, ['approved'], 'paid');
  if (!isFilled(command.paymentRef)) {
    const message = 'The payment reference is required.';
    throw new DomainError('VALIDATION_FAILED', message, { errors: [{ field: 'paymentRef', message }] });
  }
  if (!isIsoDate(command.paidOn)) {
    const message = 'paidOn must be a real date in the form YYYY-MM-DD.';
    throw new DomainError('VALIDATION_FAILED', message, { errors: [{ field: 'paidOn', message }] });
  }
  const { applicationId, campaignId, parentPersonRef, studentPersonRef, level, amountFen } = submission;
  return [
    {
      type: 'GrantDisbursed',
      data: {
        ...{ applicationId, campaignId, parentPersonRef, studentPersonRef, level, amountFen },
        paymentRef: command.paymentRef.trim(),
        paidOn: command.paidOn,
        late: compareDates(command.paidOn, command.schoolStartOn) > 0,
        by: command.by,
        at: command.now,
      },
    },
  ];
}

/**
 * Withdraws an application not yet paid (also one on hold: the family may give up waiting).
 * The service then releases the campaign reservation, if the application held one.
 */
export function withdrawApplication(
  command: WithdrawApplication,
  state: ApplicationState,
): ApplicationEvent[] {
  const allowed: readonly ApplicationStatus[] = ['submitted', 'approved', 'on_hold'];
  const submission = requireStatus(state, allowed, 'withdrawn');
  const reason = requireReason(command.reason, 'withdraw');
  const { applicationId } = submission;
  return [
    { type: 'GrantApplicationWithdrawn', data: { applicationId, reason, by: command.by, at: command.now } },
  ];
}
