/**
 * A record's state (as the audit API folds it) as rows an auditor reads: one row per field, its
 * path in Chinese, its value formatted (fen as yuan, dates in Chinese, codes as words), and
 * whether it changed from the version before. Pure: no rule, only reading what the API gave.
 */
import { formatDate, formatInstant } from '../../format/date';
import { formatYuan } from '../../format/money';
import { FIELD_WORDS, VALUE_LABELS } from './audit-labels';

export interface StateRow {
  /** The field's path in the state, e.g. `household.monthlyIncomeFen` (stable key). */
  readonly path: string;
  readonly label: string;
  readonly value: string;
  /** `added`/`changed`/`removed` against the previous version; `same` otherwise (or no previous). */
  readonly change: 'same' | 'added' | 'changed' | 'removed';
  /** The value in the previous version, when it changed. */
  readonly previous?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-/;

/** Every leaf of `value` by its path (objects by key, lists of records by index; a list of plain values is one leaf). */
export function leavesOf(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) out.set(path, value);
    else value.forEach((v, i) => leavesOf(v, `${path}[${i}]`, out));
    return out;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) out.set(path, value);
    for (const [key, v] of entries) leavesOf(v, path === '' ? key : `${path}.${key}`, out);
    return out;
  }
  out.set(path, value);
  return out;
}

/** The last field name of a path (`assistance.<id>.amountFen` → `amountFen`; `bands[1].ratioBp` → `ratioBp`). */
const fieldOf = (path: string): string =>
  path
    .replace(/\[\d+\]$/, '')
    .split('.')
    .pop() ?? path;

/** A path in Chinese: `household.size` → `家庭情况 · 家庭人口`; list items as 第n项, ids shortened. */
export function labelOfPath(path: string): string {
  if (path === '') return '（整条记录）';
  return path
    .split('.')
    .map((segment) => {
      const m = /^(.*?)((?:\[\d+\])*)$/.exec(segment) ?? [segment, segment, ''];
      const key = m[1];
      const word = FIELD_WORDS[key] ?? (UUID_LIKE.test(key) ? `#${key.slice(0, 8)}` : key);
      const items = [...m[2].matchAll(/\[(\d+)\]/g)].map((i) => `第${Number(i[1]) + 1}项`);
      return [word, ...items].join(' · ');
    })
    .join(' · ');
}

/** Basis points as a percentage with two decimals, in integer arithmetic: 15000 → `150.00%`. */
export function formatBp(bp: number): string {
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** One value as an auditor reads it, by the name of its field. */
export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') {
    if (/Fen$/.test(field) && Number.isSafeInteger(value)) return formatYuan(value);
    if (/Bp$/.test(field) && Number.isSafeInteger(value)) return formatBp(value);
    return String(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '（无）';
    return value.map((v) => formatValue(field, v)).join('、');
  }
  if (typeof value === 'object') return Object.keys(value).length === 0 ? '（无）' : JSON.stringify(value);
  if (typeof value !== 'string') return typeof value === 'bigint' ? value.toString() : '—';
  const text = value;
  const words = VALUE_LABELS[field];
  if (words?.[text]) return words[text];
  if (ISO_DATE.test(text)) return formatDate(text);
  if (ISO_INSTANT.test(text)) return formatInstant(text);
  return text;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The rows of `state`, each marked against `previous` (the version before; undefined: none to
 * compare with). Fields gone since the previous version are kept as `removed` rows, in place.
 */
export function stateRows(state: unknown, previous?: unknown): StateRow[] {
  const now = leavesOf(state);
  const before = previous === undefined ? undefined : leavesOf(previous);
  const rows: StateRow[] = [];
  for (const [path, value] of now) {
    const field = fieldOf(path);
    const row = { path, label: labelOfPath(path), value: formatValue(field, value) };
    if (!before) rows.push({ ...row, change: 'same' });
    else if (!before.has(path)) rows.push({ ...row, change: 'added' });
    else if (!same(before.get(path), value))
      rows.push({ ...row, change: 'changed', previous: formatValue(field, before.get(path)) });
    else rows.push({ ...row, change: 'same' });
  }
  for (const [path, value] of before ?? []) {
    if (!now.has(path)) {
      rows.push({
        path,
        label: labelOfPath(path),
        value: '—',
        change: 'removed',
        previous: formatValue(fieldOf(path), value),
      });
    }
  }
  return rows;
}

/** The fields of an event's data that say what it decided, most telling first. */
const SUMMARY_FIELDS = [
  'amountFen',
  'payoutFen',
  'tier',
  'toTier',
  'status',
  'category',
  'kind',
  'level',
  'reason',
  'paymentRef',
  'paidOn',
  'remainingBurdenFen',
  'perCapitaIncomeFen',
  'outOfPocketFen',
];

/**
 * What an event decided, in one line: `金额 500.00 元 · 类别 医疗救助`: the fields above wherever
 * they sit (a quote's payout included), then other amounts at the top level, at most `max`.
 */
export function summaryOf(data: unknown, max = 5): string {
  const found: { rank: number; text: string }[] = [];
  let order = 0;
  for (const [path, value] of leavesOf(data)) {
    if (/\[\d+\]/.test(path) || value === null || typeof value === 'object') continue;
    const field = fieldOf(path);
    const known = SUMMARY_FIELDS.indexOf(field);
    const topLevelAmount = !path.includes('.') && /Fen$/.test(field);
    if (known < 0 && !topLevelAmount) continue;
    if (found.some((f) => f.text.startsWith(`${FIELD_WORDS[field] ?? field} `))) continue;
    found.push({
      rank: known < 0 ? 100 + order++ : known,
      text: `${FIELD_WORDS[field] ?? field} ${formatValue(field, value)}`,
    });
  }
  return found
    .sort((a, b) => a.rank - b.rank)
    .slice(0, max)
    .map((f) => f.text)
    .join(' · ');
}
