import type * as ExcelTypes from 'exceljs';
import { EMPTY, text, type SheetCell, type SheetRow } from './sheet';

export type ExcelJS = typeof ExcelTypes;

/**
 * exceljs, loaded when a roster is read or written, never before: it is a large library and
 * 工作台's first load must stay small (CONSOLE.md, "Budgets"). The bundle may hand the module as
 * its default export.
 */
export async function loadExcel(): Promise<ExcelJS> {
  const mod = (await import('exceljs')) as ExcelJS & { default?: ExcelJS };
  return mod.default ?? mod;
}

/** A cell as exceljs holds it (text, number, rich text, a formula's result, a hyperlink...). */
export function sheetCellOf(value: ExcelTypes.CellValue): SheetCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return text(value);
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return text(value ? '是' : '否');
  if (value instanceof Date) return text(value.toISOString().slice(0, 10));
  if ('richText' in value) return text(value.richText.map((r) => r.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelTypes.CellFormulaValue).result;
    return result === undefined ? EMPTY : sheetCellOf(result);
  }
  if ('hyperlink' in value) return text(String(value.text));
  if ('error' in value) return text(String(value.error));
  return EMPTY;
}

/** The rows of the first worksheet of an .xlsx file. */
export async function readXlsx(excel: ExcelJS, data: ArrayBuffer | Uint8Array): Promise<SheetRow[]> {
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelTypes.CellValue[];
    // exceljs numbers columns from 1: values[0] is always empty.
    rows.push({ rowNumber, cells: Array.from(values.slice(1), (v) => sheetCellOf(v)) });
  });
  return rows;
}

/** The bytes of a workbook as an .xlsx file. */
export async function xlsxBytes(workbook: ExcelTypes.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
