/** Dates where text is read: `2026-09-01` → `2026年9月1日` (ISO stays in inputs). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-09-01` → `2026年9月1日`; anything else is returned as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = ISO_DATE.exec(iso.slice(0, 10));
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * China's clocks (Asia/Shanghai) are UTC+8 all year, and have been since 1991 (no daylight
 * saving): the China date and time of an instant are its UTC ones eight hours on. Computed
 * directly, with no Intl.DateTimeFormat, whose first construction loads the time-zone data and
 * costs 工作台 tens of milliseconds before its first request.
 */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const chinaIso = (instant: Date): string => new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString();

/** The calendar date of an instant in China (Asia/Shanghai), `YYYY-MM-DD`. */
export function chinaDateOf(instant: Date): string {
  return chinaIso(instant).slice(0, 10);
}

/** An instant (`2026-09-01T02:30:00Z`) as its China date and time: `2026年9月1日 10:30`. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const china = chinaIso(at);
  return `${formatDate(china.slice(0, 10))} ${china.slice(11, 16)}`;
}

/** `YYYY-MM-DD` plus `days` (calendar arithmetic in UTC, so no time zone shifts the day). */
export function addDays(iso: string, days: number): string {
  const at = new Date(`${iso}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
