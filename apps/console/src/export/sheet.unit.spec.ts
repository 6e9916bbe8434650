import { cellText, formatBp, headerText, tableOf, type FigureTable } from './figure-table';
import { bpToDecimal, dateCell, fenToDecimal, sheetName, sheetOf, yuanCell } from './sheet';

describe('fenToDecimal and bpToDecimal (integer digits with a point put in, no float)', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [135_000, '1350.00'],
    [135_005, '1350.05'],
    [-5, '-0.05'],
    [-123_456, '-1234.56'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%d fen is %s yuan', (fen, text) => expect(fenToDecimal(fen)).toBe(text));

  it.each([
    [0, '0.0000'],
    [10_351, '1.0351'],
    [9_999, '0.9999'],
    [1, '0.0001'],
  ])('%d bp is %s', (bp, text) => expect(bpToDecimal(bp)).toBe(text));

  it('refuses what is not a whole number', () => {
    expect(() => fenToDecimal(0.5)).toThrow(RangeError);
    expect(() => fenToDecimal(2 ** 53)).toThrow(RangeError);
  });
});

describe('yuanCell', () => {
  it('is a number in yuan whose shortest rendering is the decimal text of the fen', () => {
    for (const fen of [1, 10, 29, 135_005, 1_234_567_891, 110_000_000_001, 999_999_999_999_999]) {
      const cell = yuanCell(fen);
      expect(cell.numFmt).toBe('#,##0.00');
      expect(typeof cell.value).toBe('number');
      // What exceljs writes into the file is String(value): the exact yuan.
      expect(String(cell.value)).toBe(fenToDecimal(fen).replace(/\.?0+$/, ''));
    }
  });

  it('falls back to text where a double could no longer hold the exact yuan', () => {
    expect(yuanCell(1_000_000_000_000_001)).toEqual({ value: '10000000000000.01' });
  });
});

describe('dateCell', () => {
  it('is the calendar day at UTC midnight with a date format', () => {
    expect(dateCell('2026-09-01')).toEqual({ value: new Date(Date.UTC(2026, 8, 1)), numFmt: 'yyyy-mm-dd' });
    expect(dateCell('不是日期')).toEqual({ value: '不是日期' });
  });
});

describe('sheetName', () => {
  it('drops what Excel forbids, keeps 31 characters and stays unique', () => {
    expect(sheetName('复核/走访: [已逾期]?')).toBe('复核 走访 已逾期');
    expect(sheetName('')).toBe('工作表');
    const long = '一'.repeat(40);
    expect(sheetName(long)).toHaveLength(31);
    expect(sheetName('待支付', new Set(['待支付']))).toBe('待支付-2');
    expect(sheetName('待支付', new Set(['待支付', '待支付-2']))).toBe('待支付-3');
  });
});

describe('a table: on screen as text, in the sheet as typed cells', () => {
  interface Row {
    name: string;
    fen: number;
    on: string | null;
    bp: number;
    n: number;
  }
  const table: FigureTable = tableOf<Row>(
    '医疗互助待支付',
    [
      { header: '姓名', kind: 'text', cell: (r) => r.name },
      { header: '互助金', kind: 'yuan', cell: (r) => r.fen },
      { header: '支付日期', kind: 'date', cell: (r) => r.on },
      { header: '使用率', kind: 'percent', cell: (r) => r.bp },
      { header: '人次', kind: 'integer', cell: (r) => r.n },
    ],
    [
      { name: '马海燕', fen: 11_440_000, on: '2026-09-01', bp: 10_351, n: 12_345 },
      { name: '王建国', fen: 5, on: null, bp: 0, n: 0 },
    ],
  );

  it('shows yuan with two decimals, Chinese dates, percentages and counts', () => {
    expect(table.columns.map(headerText)).toEqual(['姓名', '互助金（元）', '支付日期', '使用率', '人次']);
    expect(table.rows.map((r) => r.map((c, i) => cellText(table.columns[i].kind, c)))).toEqual([
      ['马海燕', '114,400.00', '2026年9月1日', '103.51%', '12,345'],
      ['王建国', '0.05', '—', '0.00%', '0'],
    ]);
    expect(formatBp(-25)).toBe('-0.25%');
  });

  it('writes the header, then numbers in yuan, dates as dates, fractions as percentages', () => {
    const sheet = sheetOf(table);
    expect(sheet.name).toBe('医疗互助待支付');
    expect(sheet.header).toEqual(['姓名', '互助金（元）', '支付日期', '使用率', '人次']);
    expect(sheet.rows).toEqual([
      [
        { value: '马海燕' },
        { value: 114_400, numFmt: '#,##0.00' },
        { value: new Date(Date.UTC(2026, 8, 1)), numFmt: 'yyyy-mm-dd' },
        { value: 1.0351, numFmt: '0.00%' },
        { value: 12_345, numFmt: '0' },
      ],
      [
        { value: '王建国' },
        { value: 0.05, numFmt: '#,##0.00' },
        { value: null },
        { value: 0, numFmt: '0.00%' },
        { value: 0, numFmt: '0' },
      ],
    ]);
    expect(sheet.widths).toHaveLength(5);
  });
});
