/** Dates where text is read: `2026-09-01` → `2026年9月1日` (ISO stays in inputs). */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-09-01` → `2026年9月1日`; anything else is returned as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = ISO_DATE.exec(iso.slice(0, 10));
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The calendar date of an instant in China (Asia/Shanghai), `YYYY-MM-DD`. */
export function chinaDateOf(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** An instant (`2026-09-01T02:30:00Z`) as its China date and time: `2026年9月1日 10:30`. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
  return `${formatDate(chinaDateOf(at))} ${time}`;
}

/** `YYYY-MM-DD` plus `days` (calendar arithmetic in UTC, so no time zone shifts the day). */
export function addDays(iso: string, days: number): string {
  const at = new Date(`${iso}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
