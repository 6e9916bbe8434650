import { checkCharOf } from '@union/kernel/browser';
import { decodeCsv, parseCsv } from './csv';
import { loadExcel, readXlsx, xlsxBytes } from './excel';
import { readRoster } from './read-roster';
import { rosterTemplate } from './roster-files';
import { cellText } from './sheet';

/** A valid identity number from its first 17 digits. */
const idNumberWithCheckChar = (first17: string) => first17 + checkCharOf(first17);

const A = idNumberWithCheckChar('41010519790607901');
const B = idNumberWithCheckChar('41010519790607902');
const HEADER = '身份证号码,姓名,是否参加职工基本医疗保险';

describe('reading a roster (名册)', () => {
  it('reads CSV as UTF-8 with or without a byte-order mark, and as GBK when it is not UTF-8', () => {
    const csv = `${HEADER}\r\n${A},张三,是\r\n`;
    const utf8 = new TextEncoder().encode(csv);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    // 张三 and the header in GBK, as Excel for Chinese Windows saves "CSV".
    const gbk = new Uint8Array([
      ...gbkOf('身份证号码'),
      0x2c,
      ...gbkOf('姓名'),
      0x2c,
      ...gbkOf('是否参加职工基本医疗保险'),
      0x0d,
      0x0a,
      ...new TextEncoder().encode(`${A},`),
      ...gbkOf('张三'),
      0x2c,
      ...gbkOf('是'),
      0x0d,
      0x0a,
    ]);
    for (const bytes of [utf8, bom, gbk]) {
      const reading = readRoster(parseCsv(decodeCsv(bytes)));
      expect(reading).toEqual({
        ok: true,
        members: [
          { rowNumber: 2, idNumber: A, name: '张三', hasBasicMedicalInsurance: true, insuredText: '是' },
        ],
        unreadable: [],
      });
    }
  });

  it('parses quoted CSV fields (commas, quotes, line breaks) and numbers records as a spreadsheet does', () => {
    const rows = parseCsv('a,"b,1","say ""hi""",\n"two\nlines",x\r\n\nlast');
    expect(rows.map((r) => [r.rowNumber, r.cells.map(cellText)])).toEqual([
      [1, ['a', 'b,1', 'say "hi"', '']],
      [2, ['two\nlines', 'x']],
      [3, ['']],
      [4, ['last']],
    ]);
  });

  it('finds the columns by name in any order, ignores others and empty rows, and keeps each row number', () => {
    const csv = [
      '',
      '序号, 姓名 ,是否参加职工基本医疗保险（是/否）,身份证号码,备注',
      `1,张三,是,${A},`,
      ',,,,',
      `2,李四,否,${B.toLowerCase()},调入`,
    ].join('\n');
    const reading = readRoster(parseCsv(csv));
    expect(reading).toEqual({
      ok: true,
      members: [
        { rowNumber: 3, idNumber: A, name: '张三', hasBasicMedicalInsurance: true, insuredText: '是' },
        {
          rowNumber: 5,
          idNumber: B.toLowerCase(),
          name: '李四',
          hasBasicMedicalInsurance: false,
          insuredText: '否',
        },
      ],
      unreadable: [],
    });
  });

  it("holds back the rows it cannot send, each with why; an invalid number or empty name is the API's to refuse", () => {
    const csv = [
      HEADER,
      ',王五,是',
      `${A},赵六,不清楚`,
      `${A},钱七,`,
      `${A},${'长'.repeat(51)},是`,
      `${A.slice(0, 17)}0,孙八,是`,
      `${B},,是`,
    ].join('\n');
    const reading = readRoster(parseCsv(csv));
    if (!reading.ok) throw new Error(reading.problem);
    expect(reading.unreadable.map((u) => [u.rowNumber, u.reason])).toEqual([
      [2, '身份证号码为空'],
      [3, '“是否参加职工基本医疗保险”应填写“是”或“否”，表中为“不清楚”'],
      [4, '未填写“是否参加职工基本医疗保险”'],
      [5, '姓名超过 50 个字'],
    ]);
    expect(reading.members.map((m) => [m.rowNumber, m.name])).toEqual([
      [6, '孙八'],
      [7, ''],
    ]);
  });

  it('names the missing columns, an empty file and a file with only its header', () => {
    expect(readRoster(parseCsv('身份证号码,名字\n1,2'))).toEqual({
      ok: false,
      problem: '名册第 1 行（表头）缺少“姓名”、“是否参加职工基本医疗保险”列，请使用名册模板填写后上传',
    });
    expect(readRoster(parseCsv('\n\n'))).toEqual({
      ok: false,
      problem: '文件中没有内容，请使用名册模板填写后上传',
    });
    expect(readRoster(parseCsv(`${HEADER}\n,,\n`))).toEqual({
      ok: false,
      problem: '名册中只有表头，没有职工信息',
    });
  });

  it('reads .xlsx (text, rich text, formulas) and refuses an identity number Excel stored as a number', async () => {
    const excel = await loadExcel();
    const book = new excel.Workbook();
    const sheet = book.addWorksheet('名册');
    sheet.addRow(['身份证号码', '姓名', '是否参加职工基本医疗保险']);
    sheet.addRow([A, { richText: [{ text: '张' }, { text: '三' }] }, '是']);
    sheet.addRow([410105197906079000, '李四', '是']);
    sheet.addRow([B, '王五', { formula: 'IF(1=1,"否","是")', result: '否' }]);
    const rows = await readXlsx(excel, await xlsxBytes(book));
    const reading = readRoster(rows);
    if (!reading.ok) throw new Error(reading.problem);
    expect(reading.members).toEqual([
      { rowNumber: 2, idNumber: A, name: '张三', hasBasicMedicalInsurance: true, insuredText: '是' },
      { rowNumber: 4, idNumber: B, name: '王五', hasBasicMedicalInsurance: false, insuredText: '否' },
    ]);
    expect(reading.unreadable).toEqual([
      {
        rowNumber: 3,
        idNumber: '410105197906079000',
        name: '李四',
        insuredText: '是',
        reason: '身份证号码在表格中被存成了数字，后几位已经丢失；请把该列设为“文本”后重新填写',
      },
    ]);
  });

  it('hands out a template whose header the reader takes, and nothing else to enroll', async () => {
    const excel = await loadExcel();
    const rows = await readXlsx(excel, await xlsxBytes(rosterTemplate(excel)));
    expect(rows.map((r) => r.cells.map(cellText))).toEqual([
      ['身份证号码', '姓名', '是否参加职工基本医疗保险'],
    ]);
    expect(readRoster(rows)).toEqual({ ok: false, problem: '名册中只有表头，没有职工信息' });
  });
});

/** GBK bytes of a few characters (from the GB 18030 table, which GBK is a part of). */
function gbkOf(text: string): number[] {
  const table: Record<string, number[]> = {
    身: [0xc9, 0xed],
    份: [0xb7, 0xdd],
    证: [0xd6, 0xa4],
    号: [0xba, 0xc5],
    码: [0xc2, 0xeb],
    姓: [0xd0, 0xd5],
    名: [0xc3, 0xfb],
    是: [0xca, 0xc7],
    否: [0xb7, 0xf1],
    参: [0xb2, 0xce],
    加: [0xbc, 0xd3],
    职: [0xd6, 0xb0],
    工: [0xb9, 0xa4],
    基: [0xbb, 0xf9],
    本: [0xb1, 0xbe],
    医: [0xd2, 0xbd],
    疗: [0xc1, 0xc6],
    保: [0xb1, 0xa3],
    险: [0xcf, 0xd5],
    张: [0xd5, 0xc5],
    三: [0xc8, 0xfd],
  };
  return [...text].flatMap((c) => {
    const bytes = table[c];
    if (!bytes) throw new Error(`no GBK bytes for ${c}`);
    return bytes;
  });
}
