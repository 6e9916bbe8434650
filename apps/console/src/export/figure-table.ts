/**
 * A table of figures as the console shows it and exports it: one model for both, so the .xlsx a
 * unit downloads holds exactly what the screen shows. Cells stay in the API's units (integer fen,
 * ISO dates, basis points) until the very end: the screen formats them as text, the workbook as
 * typed cells (src/export/sheet.ts).
 */
import { formatDate } from '../format/date';
import { formatFen } from '../format/money';

/**
 * What a column holds: `yuan` an integer of fen, `date` an ISO date (`YYYY-MM-DD`), `percent`
 * an integer of basis points (10000 = 100%), `integer` a count, `text` words.
 */
export type ColumnKind = 'text' | 'integer' | 'yuan' | 'date' | 'percent';

export interface TableColumn {
  readonly header: string;
  readonly kind: ColumnKind;
}

export type TableCell = string | number | null;

export interface FigureTable {
  /** The table's caption on screen and the sheet's name in the workbook. */
  readonly title: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
}

/** A column definition over rows of `R`: its header, kind and the cell it takes from a row. */
export interface ColumnOf<R> extends TableColumn {
  readonly cell: (row: R) => TableCell | undefined;
}

/** The table of `rows` with `columns` (a missing value is an empty cell). */
export function tableOf<R>(title: string, columns: readonly ColumnOf<R>[], rows: readonly R[]): FigureTable {
  return {
    title,
    columns: columns.map(({ header, kind }) => ({ header, kind })),
    rows: rows.map((r) => columns.map((c) => c.cell(r) ?? null)),
  };
}

/**
 * `10351` basis points → `103.51%`, by integer arithmetic on the digits (floor to the hundredth
 * of a percent is exact: one basis point is 0.01%).
 */
export function formatBp(bp: number): string {
  if (!Number.isSafeInteger(bp)) throw new RangeError(`Basis points are a whole number; got ${bp}.`);
  const digits = String(Math.abs(bp)).padStart(3, '0');
  return `${bp < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}%`;
}

/** A cell as the screen shows it: yuan with two decimals, dates in Chinese, `—` when empty. */
export function cellText(kind: ColumnKind, cell: TableCell): string {
  if (cell === null || cell === '') return '—';
  if (typeof cell === 'string') return kind === 'date' ? formatDate(cell) : cell;
  switch (kind) {
    case 'yuan':
      return formatFen(cell);
    case 'percent':
      return formatBp(cell);
    case 'integer':
      return cell.toLocaleString('zh-CN');
    case 'date':
    case 'text':
      return String(cell);
  }
}

/** The header as shown and exported: amounts say their unit. */
export const headerText = (c: TableColumn): string => (c.kind === 'yuan' ? `${c.header}（元）` : c.header);
