import { rowProjection } from '@union/event-store';
import {
  evolveHolidayBatchRow,
  type HolidayBatchEvent,
  type HolidayBatchRow,
} from '@union/hardship-cases/domain';
import { HolidayBatchEntity } from './holiday-batch.entity';

const BATCH_EVENTS: HolidayBatchEvent['type'][] = [
  'HolidayBatchPrepared',
  'HolidayBatchApproved',
  'HolidayBatchRefused',
  'HolidayBatchStarted',
  'HolidayBatchChunkRecorded',
  'HolidayBatchFinished',
];

const toEntity = (row: HolidayBatchRow, version: number): HolidayBatchEntity => ({
  batchId: row.batchId,
  status: row.status,
  orgId: row.orgId,
  fundId: row.fundId,
  version,
  data: row,
});

/** The batch read model: the domain's `evolveHolidayBatchRow`, one row per batch stream. */
export const holidayBatchProjection = rowProjection<HolidayBatchEntity>({
  name: 'holiday_batch',
  entity: HolidayBatchEntity,
  key: 'batchId',
  handles: BATCH_EVENTS,
  keyOf: (e) => (e.streamType === 'holiday-batch' ? e.streamId.slice('holiday-batch-'.length) : null),
  evolve: (row, e) => {
    const next = evolveHolidayBatchRow(row?.data ?? null, {
      type: e.type,
      data: e.data,
    } as HolidayBatchEvent);
    return next ? toEntity(next, e.version) : null;
  },
});
