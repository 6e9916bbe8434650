import type { HardshipTier } from '@union/contracts';
import type { DomainEvent, Fen, IsoDate } from '@union/kernel';

/** The stream of one holiday warmth batch (两节送温暖). */
export const holidayBatchStreamId = (batchId: string): string => `holiday-batch-${batchId}`;

/** The amount each household of a tier receives; only the batch's tiers have one. */
export type AmountsByTier = Readonly<Partial<Record<HardshipTier, Fen>>>;

/** Why a batch was refused whole: the fund could not cover it, or a reviewer rejected it. */
export type BatchRefusalCode = 'FUND_INSUFFICIENT' | 'REJECTED';

/**
 * A batch was prepared: the target, the amounts, and the totals of its preview (the lines
 * themselves are kept beside the stream, one row per household, as the preview computed them).
 */
export type HolidayBatchPrepared = DomainEvent<
  'HolidayBatchPrepared',
  {
    readonly batchId: string;
    readonly name: string;
    readonly orgId: string;
    readonly fundId: string;
    readonly tiers: readonly HardshipTier[];
    readonly amountsByTierFen: AmountsByTier;
    readonly paidOn: IsoDate;
    readonly includedCount: number;
    readonly totalFen: Fen;
    readonly excludedCount: number;
    readonly preparedBy: string;
    readonly preparedOn: IsoDate;
    readonly preparedAt: string;
  }
>;

/** A reviewer other than the preparer approved the batch; the fund reserved its whole total. */
export type HolidayBatchApproved = DomainEvent<
  'HolidayBatchApproved',
  {
    readonly batchId: string;
    readonly fundId: string;
    readonly totalFen: Fen;
    readonly fundRemainingFen: Fen;
    readonly approvedBy: string;
    readonly approvedOn: IsoDate;
    readonly approvedAt: string;
    readonly reason?: string;
  }
>;

/** The batch was refused whole, nothing paid: the fund could not cover it, or a reviewer said no. */
export type HolidayBatchRefused = DomainEvent<
  'HolidayBatchRefused',
  {
    readonly batchId: string;
    readonly code: BatchRefusalCode;
    readonly reason: string;
    readonly totalFen: Fen;
    /** What the fund had left when the batch was refused for want of it. */
    readonly fundRemainingFen?: Fen;
    readonly refusedBy: string;
    readonly refusedOn: IsoDate;
    readonly refusedAt: string;
  }
>;

/** The runner began recording the batch's assistance on the cases. */
export type HolidayBatchStarted = DomainEvent<
  'HolidayBatchStarted',
  { readonly batchId: string; readonly startedAt: string }
>;

/**
 * One chunk of lines was settled in one transaction: `recorded` assistance on the cases, and
 * lines that could not be recorded any more (a case closed in between, a cap reached since).
 */
export type HolidayBatchChunkRecorded = DomainEvent<
  'HolidayBatchChunkRecorded',
  {
    readonly batchId: string;
    readonly recordedCount: number;
    readonly recordedFen: Fen;
    readonly unrecordedCount: number;
    readonly unrecordedFen: Fen;
    readonly settledAt: string;
  }
>;

/** Every line is settled; what was not recorded goes back to the fund. */
export type HolidayBatchFinished = DomainEvent<
  'HolidayBatchFinished',
  {
    readonly batchId: string;
    readonly fundId: string;
    readonly recordedCount: number;
    readonly recordedFen: Fen;
    readonly unrecordedCount: number;
    readonly releasedFen: Fen;
    readonly finishedAt: string;
  }
>;

/** Every event of a `holiday-batch-<uuid>` stream. */
export type HolidayBatchEvent =
  | HolidayBatchPrepared
  | HolidayBatchApproved
  | HolidayBatchRefused
  | HolidayBatchStarted
  | HolidayBatchChunkRecorded
  | HolidayBatchFinished;
