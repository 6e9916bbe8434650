import { DomainError, type Fen } from '@union/kernel';
import {
  ASSISTANCE_CATEGORIES,
  ASSISTANCE_KINDS,
  DEFAULT_ASSISTANCE_LIMITS,
  type CommandContext,
} from '../shared/hardship-vocabulary';
import { compact, requireFen, requireOneOf, requireText, throwIfInvalid } from '../shared/validation';
import { formatYuan } from '../tier/compute-tier';
import type {
  ApproveAssistance,
  RecordAssistance,
  RecordHolidayAssistance,
  RejectAssistance,
} from './case.commands';
import type {
  AssistanceApproved,
  AssistanceDecision,
  AssistanceRecorded,
  AssistanceRejected,
} from './case.events';
import { requireCase, requireOpen } from './case.rules';
import { assistanceInYearFen, type AssistanceEntry, type CaseState } from './case.state';

function validateRecord(command: RecordAssistance): void {
  throwIfInvalid([
    requireText(command.assistanceId, 'assistanceId'),
    requireOneOf(command.kind, ASSISTANCE_KINDS, 'kind'),
    requireOneOf(command.category, ASSISTANCE_CATEGORIES, 'category'),
    requireFen(command.amountFen, 'amountFen', { positive: true }),
    requireText(command.fundId, 'fundId'),
    requireText(command.description, 'description'),
  ]);
}

/** The year's total plus this amount may reach the cap exactly, never pass it (DOMAIN.md §1). */
function assertWithinCap(state: CaseState, on: string, amountFen: Fen, capFen: Fen): void {
  const year = on.slice(0, 4);
  const usedFen = assistanceInYearFen(state, year);
  if (usedFen + amountFen <= capFen) return;
  const remainingFen = Math.max(0, capFen - usedFen);
  throw new DomainError(
    'RULE_VIOLATION',
    `This assistance would bring the case's ${year} total above the yearly cap of ${formatYuan(capFen)}; ` +
      `${formatYuan(remainingFen)} is left this year.`,
    { details: { year: Number(year), capFen, usedFen, remainingFen } },
  );
}

/**
 * Give an assistance on an open case. From the approval threshold up it waits for a reviewer
 * (four eyes); below it, it is disbursed at once. Pending requests count toward the cap, so two
 * pending requests cannot together pass it.
 */
export function decideRecordAssistance(command: RecordAssistance, state: CaseState): AssistanceRecorded[] {
  requireOpen(state, 'give assistance');
  validateRecord(command);
  if (state.assistance[command.assistanceId]) {
    throw new DomainError('CONFLICT', 'An assistance with this id is already recorded on the case.');
  }
  const limits = { ...DEFAULT_ASSISTANCE_LIMITS, ...compact(command.limits ?? {}) };
  assertWithinCap(state, command.today, command.amountFen, limits.annualAssistanceCapFen);
  const data: AssistanceRecorded['data'] = {
    caseId: state.caseId,
    assistanceId: command.assistanceId,
    kind: command.kind,
    category: command.category,
    amountFen: command.amountFen,
    fundId: command.fundId,
    description: command.description.trim(),
    status: command.amountFen >= limits.approvalThresholdFen ? 'pending_approval' : 'disbursed',
    recordedBy: command.actor,
    recordedOn: command.today,
    recordedAt: command.now,
    approvalThresholdFen: limits.approvalThresholdFen,
    annualAssistanceCapFen: limits.annualAssistanceCapFen,
  };
  return [{ type: 'AssistanceRecorded', data }];
}

/**
 * A holiday batch's assistance: once per case and batch (a second one for the same batch is a
 * CONFLICT, whatever its id), on an open case, within the yearly cap of the year it is paid in.
 */
export function decideRecordHolidayAssistance(
  command: RecordHolidayAssistance,
  state: CaseState,
): AssistanceRecorded[] {
  requireOpen(state, 'give assistance');
  throwIfInvalid([
    requireText(command.assistanceId, 'assistanceId'),
    requireText(command.batchId, 'batchId'),
    requireText(command.fundId, 'fundId'),
    requireFen(command.amountFen, 'amountFen', { positive: true }),
  ]);
  const batchId = command.batchId;
  if (
    state.assistance[command.assistanceId] ||
    Object.values(state.assistance).some((a) => a.batchId === batchId)
  ) {
    throw new DomainError('CONFLICT', 'This holiday batch has already given its assistance on the case.', {
      details: { batchId },
    });
  }
  const limits = { ...DEFAULT_ASSISTANCE_LIMITS, ...compact(command.limits ?? {}) };
  assertWithinCap(state, command.paidOn, command.amountFen, limits.annualAssistanceCapFen);
  const data: AssistanceRecorded['data'] = {
    caseId: state.caseId,
    assistanceId: command.assistanceId,
    kind: 'cash',
    category: 'holiday',
    amountFen: command.amountFen,
    fundId: command.fundId,
    description: command.batchName,
    status: 'disbursed',
    recordedBy: command.actor,
    recordedOn: command.paidOn,
    recordedAt: command.now,
    approvalThresholdFen: limits.approvalThresholdFen,
    annualAssistanceCapFen: limits.annualAssistanceCapFen,
    batchId,
  };
  return [{ type: 'AssistanceRecorded', data }];
}

/** The pending assistance a reviewer decides on; the recorder may not decide on their own request. */
function pendingForReview(state: CaseState, assistanceId: string, actor: string): AssistanceEntry {
  requireCase(state);
  const entry = state.assistance[assistanceId];
  if (!entry) throw new DomainError('NOT_FOUND', 'There is no such assistance on this case.');
  if (entry.status !== 'pending_approval') {
    throw new DomainError('RULE_VIOLATION', `This assistance is ${entry.status}, not awaiting approval.`);
  }
  if (entry.recordedBy === actor) {
    throw new DomainError(
      'SAME_ACTOR',
      'Another reviewer must decide: you recorded this assistance yourself.',
    );
  }
  return entry;
}

function decision(
  state: CaseState,
  id: string,
  entry: AssistanceEntry,
  ctx: CommandContext,
): AssistanceDecision {
  return {
    caseId: state.caseId,
    assistanceId: id,
    amountFen: entry.amountFen,
    recordedOn: entry.recordedOn,
    by: ctx.actor,
    decidedOn: ctx.today,
    decidedAt: ctx.now,
  };
}

/**
 * Approve a pending assistance: it is disbursed. Choice: only while the case is open, since
 * assistance is only given on an open case; a pending request on a closed case can still be
 * rejected, so nothing is left hanging.
 */
export function decideApproveAssistance(command: ApproveAssistance, state: CaseState): AssistanceApproved[] {
  const entry = pendingForReview(state, command.assistanceId, command.actor);
  requireOpen(state, 'approve its assistance');
  const reason = command.reason?.trim() || undefined;
  const data = compact({ ...decision(state, command.assistanceId, entry, command), reason });
  return [{ type: 'AssistanceApproved', data }];
}

/** Reject a pending assistance with a reason; it stops counting toward the yearly cap. */
export function decideRejectAssistance(command: RejectAssistance, state: CaseState): AssistanceRejected[] {
  throwIfInvalid([requireText(command.reason, 'reason', 'A reason for the rejection')]);
  const entry = pendingForReview(state, command.assistanceId, command.actor);
  const data = { ...decision(state, command.assistanceId, entry, command), reason: command.reason.trim() };
  return [{ type: 'AssistanceRejected', data }];
}
