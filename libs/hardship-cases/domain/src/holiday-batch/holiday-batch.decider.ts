import { HARDSHIP_TIERS } from '@union/contracts';
import { DomainError, isIsoDate, type Decider } from '@union/kernel';
import { check, compact, requireFen, requireText, throwIfInvalid, type Check } from '../shared/validation';
import { formatYuan } from '../tier/compute-tier';
import type {
  ApproveHolidayBatch,
  FinishHolidayBatch,
  HolidayBatchCommand,
  PrepareHolidayBatch,
  RecordHolidayBatchChunk,
  RejectHolidayBatch,
  StartHolidayBatch,
} from './holiday-batch.commands';
import type { HolidayBatchEvent } from './holiday-batch.events';
import {
  evolveHolidayBatch,
  initialHolidayBatchState,
  linesLeft,
  type HolidayBatchState,
  type HolidayBatchStatus,
} from './holiday-batch.state';

function requireStatus(state: HolidayBatchState, allowed: HolidayBatchStatus, what: string): void {
  if (state.status === 'none') throw new DomainError('NOT_FOUND', 'There is no such holiday batch.');
  if (state.status !== allowed) {
    throw new DomainError(
      'RULE_VIOLATION',
      `The batch is ${state.status}: only a ${allowed} batch can ${what}.`,
    );
  }
}

function tierChecks(command: PrepareHolidayBatch): Check[] {
  const { tiers, amountsByTierFen } = command;
  const tiersOk =
    Array.isArray(tiers) &&
    tiers.length > 0 &&
    tiers.every((t) => (HARDSHIP_TIERS as readonly unknown[]).includes(t)) &&
    new Set(tiers).size === tiers.length;
  if (!tiersOk) {
    return [
      check(
        false,
        'tiers',
        `tiers must be a non-empty list without repeats of ${HARDSHIP_TIERS.join(', ')}.`,
      ),
    ];
  }
  const amounts = (amountsByTierFen ?? {}) as Record<string, unknown>;
  const extra = Object.keys(amounts).filter((t) => !tiers.includes(t as never));
  return [
    ...(tiers as readonly string[]).map((t: string) =>
      requireFen(amounts[t], `amountsByTierFen.${t}`, { positive: true }),
    ),
    check(
      extra.length === 0,
      'amountsByTierFen',
      `amountsByTierFen names tiers not chosen: ${extra.join(', ')}.`,
    ),
  ];
}

/** A batch: a name, a fund, the chosen tiers each with a positive amount, a date, and someone to pay. */
function decidePrepare(command: PrepareHolidayBatch, state: HolidayBatchState): HolidayBatchEvent[] {
  if (state.status !== 'none')
    throw new DomainError('CONFLICT', 'A holiday batch with this id already exists.');
  throwIfInvalid([
    requireText(command.batchId, 'batchId'),
    requireText(command.name, 'name'),
    requireText(command.orgId, 'orgId'),
    requireText(command.fundId, 'fundId'),
    check(isIsoDate(command.paidOn), 'paidOn', 'paidOn must be a date (YYYY-MM-DD).'),
    ...tierChecks(command),
  ]);
  const { includedCount, totalFen, excludedCount } = command.preview;
  if (includedCount === 0) {
    throw new DomainError('RULE_VIOLATION', 'No household of the target can receive this batch.', {
      details: { excludedCount },
    });
  }
  return [
    {
      type: 'HolidayBatchPrepared',
      data: {
        batchId: command.batchId,
        name: command.name.trim(),
        orgId: command.orgId,
        fundId: command.fundId,
        tiers: [...command.tiers],
        amountsByTierFen: { ...command.amountsByTierFen },
        paidOn: command.paidOn,
        includedCount,
        totalFen,
        excludedCount,
        preparedBy: command.actor,
        preparedOn: command.today,
        preparedAt: command.now,
      },
    },
  ];
}

/** Four eyes: the preparer may neither approve nor reject their own batch. */
function requireOtherReviewer(state: HolidayBatchState, actor: string): void {
  if (state.preparedBy === actor) {
    throw new DomainError('SAME_ACTOR', 'Another reviewer must decide: you prepared this batch yourself.');
  }
}

/**
 * Approve a draft: when the fund has the whole total left it is approved (and the service
 * reserves the total in the same transaction); otherwise it is refused whole, never paid in part.
 */
function decideApprove(command: ApproveHolidayBatch, state: HolidayBatchState): HolidayBatchEvent[] {
  requireStatus(state, 'draft', 'be approved');
  requireOtherReviewer(state, command.actor);
  if (command.fund.fundId !== state.fundId) {
    throw new Error(`The fund ${command.fund.fundId} was given for a batch of fund ${state.fundId}.`);
  }
  const { remainingFen } = command.fund;
  const decided = { by: command.actor, on: command.today, at: command.now };
  if (remainingFen < state.totalFen) {
    return [
      {
        type: 'HolidayBatchRefused',
        data: {
          batchId: state.batchId,
          code: 'FUND_INSUFFICIENT',
          reason:
            `The fund has ${formatYuan(remainingFen)} left; the batch needs ${formatYuan(state.totalFen)}: ` +
            'it is refused whole.',
          totalFen: state.totalFen,
          fundRemainingFen: remainingFen,
          refusedBy: decided.by,
          refusedOn: decided.on,
          refusedAt: decided.at,
        },
      },
    ];
  }
  const reason = command.reason?.trim() || undefined;
  return [
    {
      type: 'HolidayBatchApproved',
      data: compact({
        batchId: state.batchId,
        fundId: state.fundId,
        totalFen: state.totalFen,
        fundRemainingFen: remainingFen,
        approvedBy: decided.by,
        approvedOn: decided.on,
        approvedAt: decided.at,
        reason,
      }),
    },
  ];
}

function decideReject(command: RejectHolidayBatch, state: HolidayBatchState): HolidayBatchEvent[] {
  throwIfInvalid([requireText(command.reason, 'reason', 'A reason for the rejection')]);
  requireStatus(state, 'draft', 'be rejected');
  requireOtherReviewer(state, command.actor);
  return [
    {
      type: 'HolidayBatchRefused',
      data: {
        batchId: state.batchId,
        code: 'REJECTED',
        reason: command.reason.trim(),
        totalFen: state.totalFen,
        refusedBy: command.actor,
        refusedOn: command.today,
        refusedAt: command.now,
      },
    },
  ];
}

/** Starting a running batch again (after a restart) changes nothing. */
function decideStart(command: StartHolidayBatch, state: HolidayBatchState): HolidayBatchEvent[] {
  if (state.status === 'running') return [];
  requireStatus(state, 'approved', 'start');
  return [{ type: 'HolidayBatchStarted', data: { batchId: state.batchId, startedAt: command.now } }];
}

/** A chunk never settles more lines, nor more money, than the batch has left. */
function decideChunk(command: RecordHolidayBatchChunk, state: HolidayBatchState): HolidayBatchEvent[] {
  requireStatus(state, 'running', 'record assistance');
  const { recordedCount, recordedFen, unrecordedCount, unrecordedFen } = command;
  throwIfInvalid([
    requireFen(recordedCount, 'recordedCount'),
    requireFen(recordedFen, 'recordedFen'),
    requireFen(unrecordedCount, 'unrecordedCount'),
    requireFen(unrecordedFen, 'unrecordedFen'),
    check(recordedCount + unrecordedCount > 0, 'recordedCount', 'A chunk settles at least one line.'),
  ]);
  const settledFen = state.recordedFen + state.unrecordedFen + recordedFen + unrecordedFen;
  if (recordedCount + unrecordedCount > linesLeft(state) || settledFen > state.totalFen) {
    throw new DomainError('RULE_VIOLATION', 'The chunk settles more than the batch has left.', {
      details: { linesLeft: linesLeft(state), totalFen: state.totalFen },
    });
  }
  return [
    {
      type: 'HolidayBatchChunkRecorded',
      data: {
        batchId: state.batchId,
        recordedCount,
        recordedFen,
        unrecordedCount,
        unrecordedFen,
        settledAt: command.now,
      },
    },
  ];
}

/** Done once every line is settled: what was not recorded is released to the fund. */
function decideFinish(command: FinishHolidayBatch, state: HolidayBatchState): HolidayBatchEvent[] {
  requireStatus(state, 'running', 'finish');
  if (linesLeft(state) > 0) {
    throw new DomainError('RULE_VIOLATION', `${linesLeft(state)} line(s) of the batch are not settled yet.`);
  }
  return [
    {
      type: 'HolidayBatchFinished',
      data: {
        batchId: state.batchId,
        fundId: state.fundId,
        recordedCount: state.recordedCount,
        recordedFen: state.recordedFen,
        unrecordedCount: state.unrecordedCount,
        releasedFen: state.totalFen - state.recordedFen,
        finishedAt: command.now,
      },
    },
  ];
}

export function decideHolidayBatch(
  command: HolidayBatchCommand,
  state: HolidayBatchState,
): HolidayBatchEvent[] {
  switch (command.type) {
    case 'PrepareHolidayBatch':
      return decidePrepare(command, state);
    case 'ApproveHolidayBatch':
      return decideApprove(command, state);
    case 'RejectHolidayBatch':
      return decideReject(command, state);
    case 'StartHolidayBatch':
      return decideStart(command, state);
    case 'RecordHolidayBatchChunk':
      return decideChunk(command, state);
    case 'FinishHolidayBatch':
      return decideFinish(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/** The decider of a `holiday-batch-<uuid>` stream. */
export const holidayBatchDecider: Decider<HolidayBatchState, HolidayBatchCommand, HolidayBatchEvent> = {
  initialState: initialHolidayBatchState,
  evolve: evolveHolidayBatch,
  decide: decideHolidayBatch,
};
