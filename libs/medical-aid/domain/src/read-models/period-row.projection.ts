import type { Period, PeriodEvent } from '../period/period.events';

/** A period as API.md shows it (`GET /periods/{periodId}`). */
export type PeriodRow = Period & { readonly version: number };

/** The period row after the event at stream `version`; idempotent. */
export function evolvePeriodRow(
  row: PeriodRow | null,
  event: PeriodEvent,
  version: number,
): PeriodRow | null {
  if (row !== null && version <= row.version) return row;
  switch (event.type) {
    case 'PeriodOpened':
      return { ...event.data, version };
    default: {
      const _exhaustive: never = event.type;
      return _exhaustive;
    }
  }
}
