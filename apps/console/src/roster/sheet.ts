/** A spreadsheet as the roster reader sees it, whichever file it came from (.xlsx or .csv). */

/** One cell: its text, a number (Excel keeps long digit strings as floats), or nothing. */
export type SheetCell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'empty' };

/** One row, with its number as the spreadsheet program shows it (from 1). */
export interface SheetRow {
  readonly rowNumber: number;
  readonly cells: readonly SheetCell[];
}

export const EMPTY: SheetCell = { kind: 'empty' };
export const text = (value: string): SheetCell =>
  value.trim() === '' ? EMPTY : { kind: 'text', text: value };

/** A cell's text as a person reads it ('' for an empty one). */
export function cellText(cell: SheetCell | undefined): string {
  if (!cell || cell.kind === 'empty') return '';
  return cell.kind === 'text' ? cell.text : String(cell.value);
}
