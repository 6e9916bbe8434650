// 医疗互助 (CONSOLE.md, caseworker 7 and the admin's period form): 赵静 opens a period through the
// form with its bands; 李敏 downloads the roster template, uploads a unit's roster and sees each
// row's outcome, downloads the rows that did not pass, fills a claim and sees the API's quote to
// the fen before saving; once a reviewer approved it (through the API: the approvals inbox is
// another module's), pays it. Every person here is this module's own (identity numbers born
// 1979-06-07 with sequence 9xx); nothing asserted counts another module's records.
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { addDays, chinaToday, idNumberWithCheckChar } from '@union/kernel';
import { PERSONAS } from '../src/auth/personas';
import {
  apiCall,
  axeClean,
  devToken,
  eventually,
  openMenu,
  shot,
  signedInPage,
  suite,
  type Json,
} from './harness';

const CASEWORKER = PERSONAS[0]; // 李敏, 金水区 (ha-zz-jsq)
const ADMIN = PERSONAS.find((p) => p.key === 'admin') ?? PERSONAS[3]; // 赵静
const UNIT = CASEWORKER.units[0];
const TODAY = chinaToday(new Date());
const PERIOD_NAME = '2026年度职工医疗互助第9期';

const person = (seq: number) => idNumberWithCheckChar(`41010519790607${seq}`);
const [A, B, W, C, D] = [person(901), person(902), person(903), person(904), person(905)];
/** C with its check character changed: a number that fails GB 11643's check. */
const C_BAD = C.slice(0, 17) + (C.endsWith('1') ? '2' : '1');
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

/** The text of every body row of a table, cell by cell. */
async function tableRows(table: Locator): Promise<string[][]> {
  const rows = table.locator('tbody tr:not(.ant-table-measure-row)');
  const texts: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    texts.push((await rows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim()));
  }
  return texts;
}

/** The rows of the first sheet of a downloaded .xlsx, as text. */
async function xlsxRows(path: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  const sheet = book.worksheets[0];
  sheet.eachRow((row) => {
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).text));
  });
  return rows;
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), path };
}

void describe('医疗互助 in the console', () => {
  let url: string;
  let admin: Page;
  let caseworker: Page;
  let claimId: string;

  before(async () => {
    ({ url } = await suite());
    // 王桂芝 (W) has a deep-hardship case file: medical aid learns it from the hardship service's
    // events, and enrolls her with the contribution paid by the union fund.
    const cw = await devToken(url, CASEWORKER.sub, ['caseworker'], [UNIT]);
    await apiCall(
      url,
      cw,
      'POST',
      '/hardship/cases',
      {
        person: { idNumber: W, name: '王桂芝' },
        unitId: UNIT,
        regionCode: '410105',
        household: { size: 1, monthlyIncomeFen: 50_000 },
        causes: ['illness'],
        channel: 'walk_in',
        consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
      },
      201,
    );
    await eventually('medical aid knows 王桂芝 as deep hardship', async () => {
      const seen = await apiCall(url, cw, 'GET', `/medical-aid/eligibility/${W}`, undefined, 200);
      return seen.tier === 'deep';
    });
    [admin, caseworker] = await Promise.all([signedInPage(ADMIN), signedInPage(CASEWORKER)]);
  });

  after(async () => {
    await admin?.context().close();
    await caseworker?.context().close();
  });

  void it('the admin opens a period through the form, its bands as a small table; a band out of order is refused under its cell', async () => {
    await openMenu(admin, '互助期次');
    await admin.getByRole('heading', { name: '互助期次', exact: true }).waitFor();
    await admin.getByRole('button', { name: '开设新期次' }).click();
    await admin.getByRole('heading', { name: '开设互助期次' }).waitFor();
    await admin.getByLabel('期次名称').fill(PERIOD_NAME);
    await admin.getByLabel('保障开始日期').fill(addDays(TODAY, -30));
    await admin.getByLabel('保障结束日期').fill(addDays(TODAY, 335));
    await admin.getByLabel('登记开始日期').fill(addDays(TODAY, -30));
    await admin.getByLabel('登记截止日期').fill(addDays(TODAY, 30));
    await admin.getByLabel('起付线（元）（每次住院）').fill('1000');
    // 住院: 50% of the first 50,000 yuan above the deductible, 62.5% beyond.
    await admin.getByLabel('住院第 1 段上限（元）').fill('50000');
    await admin.getByLabel('住院第 1 段比例（%）').fill('50');
    await admin.getByLabel('住院第 2 段无上限').uncheck();
    await admin.getByLabel('住院第 2 段上限（元）').fill('40000');
    await admin.getByLabel('住院第 2 段比例（%）').fill('62.5');
    await admin.getByLabel('大病第 1 段上限（元）').fill('40000');
    await admin.getByLabel('大病第 1 段比例（%）').fill('50');
    await admin.getByLabel('大病第 2 段比例（%）').fill('70');
    await axeClean(admin, '开设互助期次');
    await shot(admin, 'medical-aid-period-form');
    await admin.getByRole('button', { name: '开设期次' }).click();
    // The API refuses a second band below the first (and a last band with a limit) by field path.
    await admin.getByText('住院第 2 段上限有误（各段上限应逐段增大，最后一段无上限）').waitFor();
    await admin.getByText('填写的内容有误，请按提示修改标红的项目').waitFor();
    await admin.getByLabel('住院第 2 段无上限').check();
    await admin.getByRole('button', { name: '开设期次' }).click();

    await admin.getByRole('heading', { name: PERIOD_NAME }).waitFor();
    assert.match(admin.url(), /\/admin\/periods\/[0-9a-f-]{36}$/);
    const inpatient = admin.getByRole('region', { name: '住院互助' });
    await inpatient.getByText('1,000.00 元').waitFor();
    await inpatient.getByText('200,000.00 元').waitFor();
    assert.deepEqual(await tableRows(inpatient.locator('table').last()), [
      ['第 1 段', '0.00 元至 50,000.00 元', '50%'],
      ['第 2 段', '50,000.00 元以上', '62.5%'],
    ]);
    assert.deepEqual(
      await tableRows(admin.getByRole('region', { name: '大病救助' }).locator('table').last()),
      [
        ['第 1 段', '0.00 元至 40,000.00 元', '50%'],
        ['第 2 段', '40,000.00 元以上', '70%'],
      ],
    );
    await admin.getByText('深度困难职工的会费由工会帮扶资金兜底').waitFor();
    await axeClean(admin, '期次');
    await shot(admin, 'medical-aid-period');
  });

  void it('the caseworker downloads the roster template, and it parses with the three columns', async () => {
    await openMenu(caseworker, '医疗互助');
    await caseworker.getByRole('heading', { name: '医疗互助', exact: true }).waitFor();
    const row = caseworker.getByRole('row', { name: new RegExp(PERIOD_NAME) });
    await row.getByRole('link', { name: PERIOD_NAME }).waitFor();
    await axeClean(caseworker, '医疗互助');
    await shot(caseworker, 'medical-aid-periods');
    await row.getByRole('link', { name: '名册登记' }).click();
    await caseworker.getByRole('heading', { name: `名册登记 · ${PERIOD_NAME}` }).waitFor();
    const template = await downloadOf(caseworker, () =>
      caseworker.getByRole('button', { name: '下载名册模板' }).click(),
    );
    assert.equal(template.name, '职工医疗互助登记名册模板.xlsx');
    assert.deepEqual(await xlsxRows(template.path), [['身份证号码', '姓名', '是否参加职工基本医疗保险']]);
  });

  void it('uploads a roster: the unreadable row before sending, then each row enrolled, waived, duplicate or rejected, and why; downloads the rows that did not pass', async () => {
    // The unit's roster as its office keeps it: a duplicate (row 5), a wrong check character
    // (row 6), a member without basic insurance (row 7), a row without a number (row 8).
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名册');
    sheet.addRows([
      ['身份证号码', '姓名', '是否参加职工基本医疗保险'],
      [A, '张建华', '是'],
      [B, '李秀兰', '是'],
      [W, '王桂芝', '是'],
      [A, '张建华', '是'],
      [C_BAD, '赵国庆', '是'],
      [D, '刘志强', '否'],
      ['', '陈小红', '是'],
    ]);
    const roster = Buffer.from(await book.xlsx.writeBuffer());

    await caseworker.getByLabel('缴费凭证号').fill('JSQ-2026-0901');
    const [chooser] = await Promise.all([
      caseworker.waitForEvent('filechooser'),
      caseworker.getByRole('button', { name: '选择名册文件' }).click(),
    ]);
    await chooser.setFiles({
      name: '金水区名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: roster,
    });
    const reading = caseworker.getByRole('region', { name: '名册读取结果' });
    await reading.getByText('可提交 6 行，无法读取 1 行（不会提交，见下表）。').waitFor();
    assert.deepEqual(await tableRows(reading.locator('table')), [['8', '—', '陈小红', '身份证号码为空']]);
    await axeClean(caseworker, '名册读取结果');
    await shot(caseworker, 'medical-aid-roster-preview');

    await reading.getByRole('button', { name: '提交登记（6 人）' }).click();
    const result = caseworker.getByRole('region', { name: '登记结果' });
    await result
      .getByText('登记 3 人（其中工会兜底 1 人），重复 1 人，未通过 2 行，无法读取 1 行。')
      .waitFor();
    const expected = C.slice(-1);
    assert.deepEqual(await tableRows(result.locator('table')), [
      ['2', masked(A), '张建华', '已登记', '按本期会费登记'],
      ['3', masked(B), '李秀兰', '已登记', '按本期会费登记'],
      ['4', masked(W), '王桂芝', '已登记（工会兜底）', '困难职工，本期会费由工会帮扶资金兜底'],
      ['5', masked(A), '张建华', '重复', '本期已登记，或在名册中重复出现，未重复登记'],
      [
        '6',
        masked(C_BAD),
        '赵国庆',
        '未通过',
        `身份证号码有误：校验位不符：最后一位应为 ${expected}，输入的是 ${C_BAD.slice(-1)}，请核对号码`,
      ],
      ['7', masked(D), '刘志强', '未通过', '未参加城镇职工基本医疗保险'],
      ['8', '—', '陈小红', '无法读取', '身份证号码为空'],
    ]);
    await axeClean(caseworker, '登记结果');
    await shot(caseworker, 'medical-aid-roster-result');

    const failed = await downloadOf(caseworker, () =>
      result.getByRole('button', { name: '下载未通过的行（3 行）' }).click(),
    );
    assert.equal(failed.name, `${PERIOD_NAME}-未通过的行.xlsx`);
    assert.deepEqual(await xlsxRows(failed.path), [
      ['身份证号码', '姓名', '是否参加职工基本医疗保险', '原因'],
      [
        C_BAD,
        '赵国庆',
        '是',
        `第 6 行：身份证号码有误：校验位不符：最后一位应为 ${expected}，输入的是 ${C_BAD.slice(-1)}，请核对号码`,
      ],
      [D, '刘志强', '否', '第 7 行：未参加城镇职工基本医疗保险'],
      ['', '陈小红', '是', '第 8 行：身份证号码为空'],
    ]);
  });

  void it('fills a claim and sees the quote the API computes, to the fen, before saving; saves it', async () => {
    await openMenu(caseworker, '医疗互助');
    await caseworker
      .getByRole('row', { name: new RegExp(PERIOD_NAME) })
      .getByRole('link', { name: '申请互助金' })
      .click();
    await caseworker.getByRole('heading', { name: '申请互助金' }).waitFor();
    const id = caseworker.getByLabel('会员身份证号码');
    await id.fill(A);
    await caseworker.getByText('校验通过，出生日期 1979年6月7日').waitFor();
    await caseworker.getByLabel('医院').fill('郑州大学第一附属医院');
    await caseworker.getByLabel('诊断编码（ICD-10）').fill('C34.9');
    await caseworker.getByLabel('入院日期').fill(TODAY);
    await caseworker.getByLabel('出院日期').fill(TODAY);
    await caseworker.getByLabel('医疗总费用（元）').fill('83,456.78');
    await caseworker.getByLabel('基本医疗保险已支付（元）').fill('20000');
    await caseworker.getByLabel('大病保险已支付（元）').fill('1234.56');
    await caseworker.getByLabel('单位已支付（元）').fill('500.00');
    await caseworker.getByLabel('其他已支付（元）').fill('0.01');

    // By hand, DOMAIN.md §3 with this period's rules (deductible 1,000 yuan; 50% up to 50,000
    // yuan above it, 62.5% beyond; annual cap 200,000, none used yet), every band rounded down:
    //   paid parts  20,000.00 + 1,234.56 + 0 + 500.00 + 0.01 = 21,734.57
    //   oop         83,456.78 - 21,734.57 = 61,722.21
    //   eligible    61,722.21 - 1,000.00  = 60,722.21
    //   band 1      50,000.00 x 50%    = 25,000.00
    //   band 2      10,722.21 x 62.5%  = 6,701.38125 -> 6,701.38
    //   payout      25,000.00 + 6,701.38 = 31,701.38 (below the 200,000.00 left: nothing cut)
    const quote = caseworker.getByRole('region', { name: '互助金测算' });
    await quote.getByText('会员 张建华（' + masked(A) + '），所在单位 ' + UNIT).waitFor();
    assert.deepEqual(await tableRows(quote.locator('table').first()), [
      ['第 1 段：0.00 元至 50,000.00 元', '50,000.00 元', '50%', '25,000.00 元'],
      ['第 2 段：50,000.00 元以上', '10,722.21 元', '62.5%', '6,701.38 元'],
    ]);
    const labels = await quote.locator('.ant-descriptions-item-label').allInnerTexts();
    const values = await quote.locator('.ant-descriptions-item-content').allInnerTexts();
    const { 政策版本: policyVersion, ...figures } = Object.fromEntries(
      labels.map((label, i) => [label.trim(), values[i].trim()]),
    );
    assert.deepEqual(figures, {
      个人自付费用: '61,722.21 元',
      起付线: '1,000.00 元',
      可互助金额: '60,722.21 元',
      年度封顶剩余: '200,000.00 元',
      封顶扣减: '0.00 元',
      互助金: '31,701.38 元',
    });
    assert.match(policyVersion, /^period-[0-9a-f-]{36}-1$/);
    await axeClean(caseworker, '申请互助金');
    await shot(caseworker, 'medical-aid-claim-form');

    await caseworker.getByRole('button', { name: '提交申请' }).click();
    await caseworker.getByRole('heading', { name: /张建华 的互助金申请/ }).waitFor();
    await caseworker.getByRole('heading', { name: /待审核/ }).waitFor();
    claimId = /\/medical-aid\/claims\/([0-9a-f-]{36})$/.exec(caseworker.url())?.[1] ?? '';
    assert.ok(claimId, caseworker.url());
    const saved = caseworker.getByRole('region', { name: '互助金测算（提交时）' });
    await saved.getByText('31,701.38 元').first().waitFor();
    await caseworker.getByText('等待审核人在审批中审核').waitFor();
  });

  void it('after a reviewer approved it, pays the claim with its reference and date', async () => {
    // The approvals inbox is another module's: the reviewer approves through the API.
    const reviewer = await devToken(url, 'rv-medical-aid', ['reviewer'], ['ha']);
    const approved: Json = await apiCall(
      url,
      reviewer,
      'POST',
      `/medical-aid/claims/${claimId}/approve`,
      {},
      200,
    );
    assert.equal((approved.quote as Json).payoutFen, 3_170_138);
    await caseworker.reload();
    await caseworker.getByRole('heading', { name: /已审核，待支付/ }).waitFor();
    const pay = caseworker.getByRole('region', { name: '支付', exact: true });
    await pay.getByText('应支付互助金 31,701.38 元。支付后请登记支付凭证号和日期。').waitFor();
    await pay.getByLabel('支付凭证号').fill('ZZYH-2026-000901');
    await pay.getByLabel('支付日期').fill(TODAY);
    await axeClean(caseworker, '支付');
    await pay.getByRole('button', { name: '确认支付' }).click();
    await caseworker.getByRole('heading', { name: /已支付/ }).waitFor();
    const decision = caseworker.getByRole('region', { name: '审核与支付' });
    await decision.getByText('ZZYH-2026-000901').waitFor();
    await decision.getByText('31,701.38 元').waitFor();
    await axeClean(caseworker, '互助金申请');
    await shot(caseworker, 'medical-aid-claim');

    await openMenu(caseworker, '医疗互助');
    await caseworker.getByRole('button', { name: '互助金申请' }).click();
    await caseworker.getByRole('heading', { name: '互助金申请', exact: true }).waitFor();
    const listed = caseworker.getByRole('row', { name: /郑州大学第一附属医院/ });
    await listed.waitFor();
    assert.deepEqual(
      (await listed.locator('td').allInnerTexts()).slice(0, 7).map((t) => t.trim()),
      [
        '张建华',
        masked(A),
        PERIOD_NAME,
        '郑州大学第一附属医院',
        formatChinaDate(TODAY),
        '31,701.38 元',
        '已支付',
      ],
    );
    await axeClean(caseworker, '互助金申请列表');
    await shot(caseworker, 'medical-aid-claims');
  });
});

/** `2026-09-01` → `2026年9月1日`, as the screens write dates. */
function formatChinaDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
