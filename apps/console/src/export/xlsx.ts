/**
 * Writing tables to an .xlsx workbook with exceljs, loaded only when a user exports (`await
 * import('exceljs')`): it is a large library and never part of a screen's initial JavaScript
 * (工作台's budget, CONSOLE.md "Budgets").
 */
import type { FigureTable } from './figure-table';
import { sheetOf } from './sheet';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The workbook of `tables`, one worksheet each, as the bytes of an .xlsx file. */
export async function xlsxBytes(tables: readonly FigureTable[]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '帮扶工作台';
  const taken = new Set<string>();
  for (const table of tables) {
    const spec = sheetOf(table, taken);
    taken.add(spec.name);
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.header.map((header, i) => ({ header, width: spec.widths[i] }));
    sheet.getRow(1).font = { bold: true };
    spec.rows.forEach((cells, r) => {
      const row = sheet.getRow(r + 2);
      cells.forEach((cell, c) => {
        const target = row.getCell(c + 1);
        target.value = cell.value;
        if (cell.numFmt) target.numFmt = cell.numFmt;
      });
    });
  }
  return workbook.xlsx.writeBuffer();
}

/** Offers `tables` to the browser as `<filename>.xlsx` to download. */
export async function downloadXlsx(filename: string, tables: readonly FigureTable[]): Promise<void> {
  const bytes = await xlsxBytes(tables);
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename.endsWith('.xlsx') ? filename : `${filename}.xlsx`;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Revoked on the next turn: the click has started the download by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
