import { rowProjection } from '@union/event-store';
import { evolvePeriodRow, type PeriodEvent } from '@union/medical-aid/domain';
import { PeriodSummaryEntity } from './period-summary.entity';

/** The period read model: the domain's pure evolve, persisted per period stream. */
export const periodSummaryProjection = rowProjection<PeriodSummaryEntity>({
  name: 'period_summary',
  entity: PeriodSummaryEntity,
  key: 'periodId',
  handles: ['PeriodOpened'] satisfies PeriodEvent['type'][],
  keyOf: (e) => (e.streamType === 'period' ? e.streamId.slice('period-'.length) : null),
  evolve: (row, e) => {
    const next = evolvePeriodRow(row?.data ?? null, { type: e.type, data: e.data } as PeriodEvent, e.version);
    return next
      ? { periodId: next.periodId, openedAt: next.openedAt, version: next.version, data: next }
      : null;
  },
});
