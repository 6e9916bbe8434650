import { ENROLLMENT_REQUEST_LIMITS as LIMITS, NO, ROSTER_COLUMNS, YES } from './roster-columns';
import { cellText, type SheetRow } from './sheet';

/** A row of the roster that can be sent: what the API's `members[]` takes, and where it came from. */
export interface RosterMember {
  readonly rowNumber: number;
  readonly idNumber: string;
  readonly name: string;
  readonly hasBasicMedicalInsurance: boolean;
  /** The insurance column as written (是/否), for the rejected rows' download. */
  readonly insuredText: string;
}

/** A row the console cannot even turn into a member: it is shown, and never sent. */
export interface UnreadableRow {
  readonly rowNumber: number;
  readonly idNumber: string;
  readonly name: string;
  readonly insuredText: string;
  readonly reason: string;
}

/** A roster read: the file's own problem (nothing can be sent), or its rows. */
export type RosterReading =
  | { readonly ok: false; readonly problem: string }
  | {
      readonly ok: true;
      readonly members: readonly RosterMember[];
      readonly unreadable: readonly UnreadableRow[];
    };

type Column = keyof typeof ROSTER_COLUMNS;

/** A header as written, without spaces and without a bracketed hint: `是否参加职工基本医疗保险（是/否）`. */
const headerKey = (header: string): string =>
  header
    .replace(/\s+/g, '')
    .replace(/[（(].*[）)]$/, '')
    .trim();

/** C0 controls other than tab (PostgreSQL cannot store NUL; the API refuses the whole request). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * Reads a roster's rows (CONSOLE.md, caseworker 7): the first non-empty row names the columns
 * (身份证号码, 姓名, 是否参加职工基本医疗保险, in any order, other columns ignored); each row after
 * it is a member, a row that cannot be one (no identity number, a number Excel stored as a float,
 * an insurance answer other than 是/否, text too long to send), or an empty row (skipped).
 * Whether a member may be enrolled is the API's to say: an invalid identity number or an empty
 * name is sent, and comes back rejected with its reason.
 */
export function readRoster(rows: readonly SheetRow[]): RosterReading {
  const headerAt = rows.findIndex((r) => r.cells.some((c) => cellText(c).trim() !== ''));
  if (headerAt < 0) return { ok: false, problem: '文件中没有内容，请使用名册模板填写后上传' };
  const headers = rows[headerAt].cells.map((c) => headerKey(cellText(c)));
  const columns = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const [key, label] of Object.entries(ROSTER_COLUMNS) as [Column, string][]) {
    const at = headers.indexOf(label);
    if (at < 0) missing.push(`“${label}”`);
    columns[key] = at;
  }
  if (missing.length > 0) {
    return {
      ok: false,
      problem: `名册第 ${rows[headerAt].rowNumber} 行（表头）缺少${missing.join('、')}列，请使用名册模板填写后上传`,
    };
  }
  const members: RosterMember[] = [];
  const unreadable: UnreadableRow[] = [];
  for (const row of rows.slice(headerAt + 1)) {
    const read = readRow(row, columns);
    if (read === null) continue;
    if ('reason' in read) unreadable.push(read);
    else members.push(read);
  }
  if (members.length === 0 && unreadable.length === 0) {
    return { ok: false, problem: '名册中只有表头，没有职工信息' };
  }
  return { ok: true, members, unreadable };
}

function readRow(row: SheetRow, columns: Record<Column, number>): RosterMember | UnreadableRow | null {
  const idCell = row.cells[columns.idNumber];
  const idNumber = cellText(idCell).trim();
  const name = cellText(row.cells[columns.name]).trim();
  const insuredText = cellText(row.cells[columns.insured]).trim();
  if (idNumber === '' && name === '' && insuredText === '') return null;
  const base = { rowNumber: row.rowNumber, idNumber, name, insuredText };
  const reason = problemOf(idCell?.kind === 'number', base);
  if (reason !== null) return { ...base, reason };
  return { ...base, hasBasicMedicalInsurance: insuredText === YES };
}

function problemOf(
  idIsNumber: boolean,
  row: { idNumber: string; name: string; insuredText: string },
): string | null {
  if (row.idNumber === '') return '身份证号码为空';
  if (idIsNumber) {
    return '身份证号码在表格中被存成了数字，后几位已经丢失；请把该列设为“文本”后重新填写';
  }
  if (row.idNumber.length > LIMITS.idNumberLength) return '身份证号码过长，不是有效的号码';
  if (row.name.length > LIMITS.nameLength) return `姓名超过 ${LIMITS.nameLength} 个字`;
  if (CONTROL.test(row.idNumber) || CONTROL.test(row.name)) return '含有无法识别的字符';
  if (row.insuredText === '') return `未填写“${ROSTER_COLUMNS.insured}”`;
  if (row.insuredText !== YES && row.insuredText !== NO) {
    return `“${ROSTER_COLUMNS.insured}”应填写“是”或“否”，表中为“${row.insuredText}”`;
  }
  return null;
}
