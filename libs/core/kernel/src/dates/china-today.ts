import type { IsoDate } from './iso-date';

/** China Standard Time is UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The business date in Asia/Shanghai at `instant`, as `YYYY-MM-DD`. Independent of the host's
 * timezone: 2024-03-31T16:00:00Z is already 2024-04-01 in China.
 */
export function chinaToday(instant: Date): IsoDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('chinaToday needs a valid Date.');
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
