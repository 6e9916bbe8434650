import type { HardshipTier } from '@union/contracts';
import type { Fen, IsoDate } from '@union/kernel';
import type { AmountsByTier, BatchRefusalCode, HolidayBatchEvent } from './holiday-batch.events';
import type { HolidayBatchStatus } from './holiday-batch.state';

/** The batch as `GET /holiday-batches/{batchId}` shows it: terms, totals, decision and progress. */
export interface HolidayBatchRow {
  readonly batchId: string;
  readonly name: string;
  readonly orgId: string;
  readonly fundId: string;
  readonly tiers: readonly HardshipTier[];
  readonly amountsByTierFen: AmountsByTier;
  readonly paidOn: IsoDate;
  readonly status: Exclude<HolidayBatchStatus, 'none'>;
  readonly totals: { readonly includedCount: number; readonly totalFen: Fen; readonly excludedCount: number };
  readonly progress: {
    readonly recorded: number;
    readonly total: number;
    readonly recordedFen: Fen;
    readonly unrecorded: number;
    readonly releasedFen: Fen;
  };
  readonly preparedBy: string;
  readonly preparedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly refusal: { readonly code: BatchRefusalCode; readonly reason: string } | null;
  readonly finishedAt: string | null;
}

/** The batch row after one event of its stream. */
export function evolveHolidayBatchRow(
  row: HolidayBatchRow | null,
  event: HolidayBatchEvent,
): HolidayBatchRow | null {
  if (event.type === 'HolidayBatchPrepared') {
    const d = event.data;
    return {
      batchId: d.batchId,
      name: d.name,
      orgId: d.orgId,
      fundId: d.fundId,
      tiers: d.tiers,
      amountsByTierFen: d.amountsByTierFen,
      paidOn: d.paidOn,
      status: 'draft',
      totals: { includedCount: d.includedCount, totalFen: d.totalFen, excludedCount: d.excludedCount },
      progress: { recorded: 0, total: d.includedCount, recordedFen: 0, unrecorded: 0, releasedFen: 0 },
      preparedBy: d.preparedBy,
      preparedAt: d.preparedAt,
      decidedBy: null,
      decidedAt: null,
      refusal: null,
      finishedAt: null,
    };
  }
  if (row === null) return null;
  switch (event.type) {
    case 'HolidayBatchApproved':
      return {
        ...row,
        status: 'approved',
        decidedBy: event.data.approvedBy,
        decidedAt: event.data.approvedAt,
      };
    case 'HolidayBatchRefused': {
      const { code, reason, refusedBy, refusedAt } = event.data;
      return {
        ...row,
        status: 'refused',
        decidedBy: refusedBy,
        decidedAt: refusedAt,
        refusal: { code, reason },
      };
    }
    case 'HolidayBatchStarted':
      return { ...row, status: 'running' };
    case 'HolidayBatchChunkRecorded': {
      const p = row.progress;
      const d = event.data;
      return {
        ...row,
        progress: {
          ...p,
          recorded: p.recorded + d.recordedCount,
          recordedFen: p.recordedFen + d.recordedFen,
          unrecorded: p.unrecorded + d.unrecordedCount,
        },
      };
    }
    case 'HolidayBatchFinished':
      return {
        ...row,
        status: 'done',
        progress: { ...row.progress, releasedFen: event.data.releasedFen },
        finishedAt: event.data.finishedAt,
      };
    default:
      return row;
  }
}
