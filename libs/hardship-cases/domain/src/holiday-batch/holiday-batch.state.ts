import type { Fen } from '@union/kernel';
import type { BatchRefusalCode, HolidayBatchEvent } from './holiday-batch.events';

/** The life of a batch: prepared, then approved (or refused whole), run, done. */
export type HolidayBatchStatus = 'none' | 'draft' | 'approved' | 'running' | 'done' | 'refused';

/** A holiday batch as its decider sees it: enough for four eyes, the fund and the progress. */
export interface HolidayBatchState {
  readonly status: HolidayBatchStatus;
  readonly batchId: string;
  readonly fundId: string;
  readonly preparedBy: string;
  readonly includedCount: number;
  readonly totalFen: Fen;
  readonly recordedCount: number;
  readonly recordedFen: Fen;
  readonly unrecordedCount: number;
  readonly unrecordedFen: Fen;
  readonly refusal: BatchRefusalCode | null;
}

export const initialHolidayBatchState = (): HolidayBatchState => ({
  status: 'none',
  batchId: '',
  fundId: '',
  preparedBy: '',
  includedCount: 0,
  totalFen: 0,
  recordedCount: 0,
  recordedFen: 0,
  unrecordedCount: 0,
  unrecordedFen: 0,
  refusal: null,
});

/** The batch after one event. Pure and total. */
export function evolveHolidayBatch(state: HolidayBatchState, event: HolidayBatchEvent): HolidayBatchState {
  switch (event.type) {
    case 'HolidayBatchPrepared': {
      const { batchId, fundId, preparedBy, includedCount, totalFen } = event.data;
      return {
        ...initialHolidayBatchState(),
        status: 'draft',
        batchId,
        fundId,
        preparedBy,
        includedCount,
        totalFen,
      };
    }
    case 'HolidayBatchApproved':
      return { ...state, status: 'approved' };
    case 'HolidayBatchRefused':
      return { ...state, status: 'refused', refusal: event.data.code };
    case 'HolidayBatchStarted':
      return { ...state, status: 'running' };
    case 'HolidayBatchChunkRecorded': {
      const d = event.data;
      return {
        ...state,
        recordedCount: state.recordedCount + d.recordedCount,
        recordedFen: state.recordedFen + d.recordedFen,
        unrecordedCount: state.unrecordedCount + d.unrecordedCount,
        unrecordedFen: state.unrecordedFen + d.unrecordedFen,
      };
    }
    case 'HolidayBatchFinished':
      return { ...state, status: 'done' };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/** Lines not yet recorded nor given up: the run's work left. */
export const linesLeft = (s: HolidayBatchState): number =>
  s.includedCount - s.recordedCount - s.unrecordedCount;
