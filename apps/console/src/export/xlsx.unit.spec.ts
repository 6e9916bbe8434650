import ExcelJS from 'exceljs';
import { tableOf } from './figure-table';
import { xlsxBytes } from './xlsx';

describe('xlsxBytes (exceljs, loaded when called)', () => {
  it('writes one sheet per table that reads back cell for cell', async () => {
    const rows = [
      { name: '刘淑芬', fen: 135_005, on: '2026-09-01' },
      { name: '马海燕', fen: 29, on: null },
    ];
    const table = tableOf<(typeof rows)[number]>(
      '助学申请暂缓',
      [
        { header: '姓名', kind: 'text', cell: (r) => r.name },
        { header: '助学金', kind: 'yuan', cell: (r) => r.fen },
        { header: '提交日期', kind: 'date', cell: (r) => r.on },
      ],
      rows,
    );
    const bytes = await xlsxBytes([table, { ...table, rows: [] }]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual(['助学申请暂缓', '助学申请暂缓-2']);
    const sheet = book.worksheets[0];
    const values = sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual([
      ['姓名', '助学金（元）', '提交日期'],
      ['刘淑芬', 1350.05, new Date(Date.UTC(2026, 8, 1))],
      ['马海燕', 0.29],
    ]);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(book.worksheets[1].rowCount).toBe(1);
  });
});
