import type { Workbook } from 'exceljs';
import type { ExcelJS } from './excel';
import { NO, REASON_COLUMN, ROSTER_COLUMNS, YES } from './roster-columns';
import type { RowOutcome } from './enrollment-outcome';

const HEADERS = [ROSTER_COLUMNS.idNumber, ROSTER_COLUMNS.name, ROSTER_COLUMNS.insured];

/**
 * A sheet with the roster's columns: the identity numbers kept as text (as numbers Excel would
 * turn 18 digits into a float and lose the last ones), the insurance column a 是/否 list.
 */
function rosterSheet(
  excel: ExcelJS,
  name: string,
  extra: string[] = [],
): { book: Workbook; add: (row: string[]) => void; format: (rowNumber: number) => void } {
  const book = new excel.Workbook();
  book.creator = '帮扶工作台';
  const sheet = book.addWorksheet(name);
  sheet.columns = [
    { header: HEADERS[0], key: 'idNumber', width: 24, style: { numFmt: '@' } },
    { header: HEADERS[1], key: 'name', width: 14 },
    { header: HEADERS[2], key: 'insured', width: 28 },
    ...extra.map((header) => ({ header, key: header, width: 48 })),
  ];
  sheet.getRow(1).font = { bold: true };
  const validation = {
    type: 'list' as const,
    allowBlank: false,
    formulae: [`"${YES},${NO}"`],
    showErrorMessage: true,
    errorTitle: '请填写“是”或“否”',
    error: `${ROSTER_COLUMNS.insured}：请填写“是”或“否”`,
  };
  const format = (rowNumber: number) => {
    const row = sheet.getRow(rowNumber);
    row.getCell(1).numFmt = '@';
    row.getCell(3).dataValidation = validation;
  };
  return {
    book,
    format,
    add: (values) => format(sheet.addRow(values).number),
  };
}

/** How many rows of the template come formatted (text identity numbers, the 是/否 list). */
const TEMPLATE_ROWS = 1000;

/**
 * The roster template a caseworker downloads (职工医疗互助登记名册模板.xlsx): the three columns
 * on an otherwise empty first sheet, its first rows formatted, and how to fill it on a second.
 */
export function rosterTemplate(excel: ExcelJS): Workbook {
  const { book, format } = rosterSheet(excel, '名册');
  for (let row = 2; row <= TEMPLATE_ROWS + 1; row++) format(row);
  const help = book.addWorksheet('填写说明');
  help.getColumn(1).width = 90;
  for (const line of [
    '职工医疗互助登记名册填写说明',
    `1. 在“名册”表中每行填写一名职工，列名请勿修改：${HEADERS.join('、')}。`,
    '2. 身份证号码填写 18 位，最后一位可为 X；请保持该列为“文本”格式，否则表格会丢失号码的后几位。',
    `3. “${ROSTER_COLUMNS.insured}”填写“${YES}”或“${NO}”；未参加城镇职工基本医疗保险的职工不能登记。`,
    '4. 也可另存为 CSV（UTF-8 或 GBK 编码）上传。',
  ]) {
    help.addRow([line]);
  }
  help.getRow(1).font = { bold: true };
  return book;
}

/** The rows that did not pass (下载未通过的行), as written in the roster, with a 原因 column. */
export function failedRowsWorkbook(excel: ExcelJS, rows: readonly RowOutcome[]): Workbook {
  const { book, add } = rosterSheet(excel, '未通过的行', [REASON_COLUMN]);
  for (const r of rows) add([r.idNumber, r.name, r.insuredText, `第 ${r.rowNumber} 行：${r.reason}`]);
  return book;
}
