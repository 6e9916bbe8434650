import type { HardshipTier } from '@union/contracts';
import type { Fen, IsoDate } from '@union/kernel';
import type { CommandContext } from '../shared/hardship-vocabulary';
import type { AmountsByTier } from './holiday-batch.events';
import type { BatchPreviewTotals } from './holiday-batch.preview';

/** Prepare a batch; the service computed the preview's lines (`previewBatch`) and brings its totals. */
export interface PrepareHolidayBatch extends CommandContext {
  readonly type: 'PrepareHolidayBatch';
  readonly batchId: string;
  readonly name: string;
  readonly orgId: string;
  readonly fundId: string;
  readonly tiers: readonly HardshipTier[];
  readonly amountsByTierFen: AmountsByTier;
  readonly paidOn: IsoDate;
  readonly preview: BatchPreviewTotals;
}

/** A reviewer approves; the service brings what the batch's fund has left. */
export interface ApproveHolidayBatch extends CommandContext {
  readonly type: 'ApproveHolidayBatch';
  readonly fund: { readonly fundId: string; readonly remainingFen: Fen };
  readonly reason?: string;
}

/** A reviewer rejects the batch, saying why. */
export interface RejectHolidayBatch extends CommandContext {
  readonly type: 'RejectHolidayBatch';
  readonly reason: string;
}

/** The runner starts an approved batch (again after a restart: then nothing happens). */
export interface StartHolidayBatch extends CommandContext {
  readonly type: 'StartHolidayBatch';
}

/** The runner settled a chunk of lines in the transaction this command runs in. */
export interface RecordHolidayBatchChunk extends CommandContext {
  readonly type: 'RecordHolidayBatchChunk';
  readonly recordedCount: number;
  readonly recordedFen: Fen;
  readonly unrecordedCount: number;
  readonly unrecordedFen: Fen;
}

/** The runner found no line left to settle. */
export interface FinishHolidayBatch extends CommandContext {
  readonly type: 'FinishHolidayBatch';
}

/** Every command of a holiday batch. */
export type HolidayBatchCommand =
  | PrepareHolidayBatch
  | ApproveHolidayBatch
  | RejectHolidayBatch
  | StartHolidayBatch
  | RecordHolidayBatchChunk
  | FinishHolidayBatch;
