/**
 * A {@link FigureTable} as the cells of one worksheet: pure (no exceljs, no DOM), so what a unit
 * downloads is tested cell by cell. src/export/xlsx.ts writes these cells with exceljs.
 */
import { headerText, type ColumnKind, type FigureTable, type TableCell } from './figure-table';

/** One cell: its value and, for numbers and dates, the format Excel shows it with. */
export interface SheetCell {
  readonly value: string | number | Date | null;
  readonly numFmt?: string;
}

export interface SheetSpec {
  readonly name: string;
  readonly header: readonly string[];
  /** Column widths in characters. */
  readonly widths: readonly number[];
  readonly rows: readonly (readonly SheetCell[])[];
}

export const YUAN_FORMAT = '#,##0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const PERCENT_FORMAT = '0.00%';
export const INTEGER_FORMAT = '0';

/** Integer `units` scaled down by 10^`places`, as decimal text: (135000, 2) → `1350.00`. */
function decimalOf(units: number, places: number): string {
  if (!Number.isSafeInteger(units)) throw new RangeError(`Expected a whole number; got ${units}.`);
  const digits = String(Math.abs(units)).padStart(places + 1, '0');
  return `${units < 0 ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** `135000` fen → `"1350.00"` (yuan as decimal text, no float). */
export const fenToDecimal = (fen: number): string => decimalOf(fen, 2);

/** `10351` basis points → `"1.0351"` (the fraction, as decimal text). */
export const bpToDecimal = (bp: number): string => decimalOf(bp, 4);

/**
 * Amounts are written as NUMERIC cells in yuan (format `#,##0.00`), so a unit can sum and sort the
 * column in its own spreadsheet, which text cells would not let it do. The number is never the
 * result of float arithmetic: the yuan are the fen's digits with a decimal point put in
 * ({@link fenToDecimal}), and the cell holds the double that decimal text reads as. exceljs writes
 * that double back with JavaScript's shortest round-trip rendering (Number#toString), which gives
 * the same decimal text for every number of 15 significant digits or fewer, so the file holds
 * exactly `1350.05`, not `1350.0499999`. Beyond 15 digits (10^13 yuan) that is no longer promised,
 * and the amount is written as text instead.
 */
export function yuanCell(fen: number): SheetCell {
  const decimal = fenToDecimal(fen);
  return Math.abs(fen) < 1e15 ? { value: Number(decimal), numFmt: YUAN_FORMAT } : { value: decimal };
}

/**
 * A date as a date cell: the calendar day at UTC midnight, which is how exceljs turns a Date into
 * an Excel serial day (no time zone moves the day).
 */
export function dateCell(iso: string): SheetCell {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return { value: iso };
  return { value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), numFmt: DATE_FORMAT };
}

/** One table cell as a sheet cell, by its column's kind. */
export function sheetCell(kind: ColumnKind, cell: TableCell): SheetCell {
  if (cell === null || cell === '') return { value: null };
  if (typeof cell === 'string') return kind === 'date' ? dateCell(cell) : { value: cell };
  switch (kind) {
    case 'yuan':
      return yuanCell(cell);
    case 'percent':
      // Same reasoning as yuanCell: the fraction's decimal text, read once.
      return { value: Number(bpToDecimal(cell)), numFmt: PERCENT_FORMAT };
    case 'integer':
      return { value: cell, numFmt: INTEGER_FORMAT };
    case 'date':
    case 'text':
      return { value: String(cell) };
  }
}

/** A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique in the workbook. */
export function sheetName(title: string, taken: ReadonlySet<string> = new Set()): string {
  const base = (
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || '工作表'
  ).slice(0, 31);
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base.slice(0, 31 - String(n).length - 1)}-${n}`;
  return name;
}

const widthOf = (text: string): number =>
  // A CJK character takes about two columns of width.
  [...text].reduce((w, ch) => w + (/[\u2E80-\uFFFF]/.test(ch) ? 2 : 1), 0);

/** The worksheet of `table`: the header row, then one row per table row. */
export function sheetOf(table: FigureTable, taken?: ReadonlySet<string>): SheetSpec {
  const header = table.columns.map(headerText);
  const rows = table.rows.map((row) => table.columns.map((c, i) => sheetCell(c.kind, row[i] ?? null)));
  const widths = table.columns.map((c, i) =>
    Math.min(
      60,
      Math.max(
        widthOf(header[i]),
        c.kind === 'date' ? 12 : 0,
        ...table.rows.map((r) => widthOf(String(r[i] ?? ''))),
      ) + 2,
    ),
  );
  return { name: sheetName(table.title, taken), header, widths, rows };
}
