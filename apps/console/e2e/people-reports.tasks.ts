// 人员查询, 工作台's worklists of the other programmes with their export, and 统计报表 (CONSOLE.md,
// caseworker tasks 1 and 8, "Reports"). The data is this module's own, made through the API in
// the unit 西工区 (ha-ly-xgq), which no other task module uses, so every count and figure asserted
// here is this module's: a family with a case, a grant and a paid claim, a grant put on hold, a
// claim approved and not paid, a period whose payouts pass what it collected.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { addDays, chinaToday, idNumberWithCheckChar, maskIdNumber, parseIdNumber } from '@union/kernel';
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

const persona = (key: string) => {
  const found = PERSONAS.find((p) => p.key === key);
  assert.ok(found, `persona ${key}`);
  return found;
};
/** 王芳, caseworker of 西工区 (ha-ly-xgq); 张伟, reviewer of the province. */
const XIGONG = persona('caseworker-2');
const REVIEWER = persona('reviewer');
const UNIT = 'ha-ly-xgq';
const BAIHUO = 'ha-ly-xgq-bh';
const GONGJIAO = 'ha-ly-xgq-gj';
const TODAY = chinaToday(new Date());
const YEAR = Number(TODAY.slice(0, 4));
const MONTH = `${YEAR}年${Number(TODAY.slice(5, 7))}月`;

/** This module's people: born 1972-02-29 in 西工区 (410303), serials 201 and up. */
const person = (serial: number) => idNumberWithCheckChar(`41030319720229${String(serial).padStart(3, '0')}`);
const masked = (id: string) => maskIdNumber(parseIdNumber(id));
const PARENT = person(201);
const STUDENT = idNumberWithCheckChar('41030320050301211');
const HELD_PARENT = person(203);
const HELD_STUDENT = idNumberWithCheckChar('41030320080611212');
const RELATIVE = person(205);
const WAITING = person(207);
const PAYING = Array.from({ length: 9 }, (_, i) => person(211 + i));
const CAMPAIGN = `${YEAR}年西工区金秋助学`;
const PERIOD = `${YEAR}年度西工区职工医疗互助`;

const bill = (totalFen: number, basicFen: number) => ({
  totalFen,
  basicInsurancePaidFen: basicFen,
  seriousIllnessInsurancePaidFen: 0,
  medicalAssistancePaidFen: 0,
  employerPaidFen: 0,
  otherPaidFen: 0,
});

/** Seeds the module's data through the gateway, as any client would. */
async function seed(url: string): Promise<void> {
  const [cw, reviewer, admin] = await Promise.all([
    devToken(url, XIGONG.sub, ['caseworker'], [UNIT]),
    devToken(url, 'rv-people-reports', ['reviewer'], ['ha']),
    devToken(url, 'admin-people-reports', ['admin'], ['ha']),
  ]);
  const call = (token: string, method: string, path: string, body: unknown, expected: number) =>
    apiCall(url, token, method, path, body, expected);
  const openCase = async (idNumber: string, name: string, unitId: string, monthlyIncomeFen: number) =>
    String(
      (
        await call(
          cw,
          'POST',
          '/hardship/cases',
          {
            person: { idNumber, name },
            unitId,
            regionCode: '410303',
            household: { size: 2, monthlyIncomeFen },
            causes: ['illness'],
            channel: 'walk_in',
            consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
          },
          201,
        )
      ).caseId,
    );
  // 750 yuan a head is deep hardship under the default line (900); 1,200 is relative (≤ 1,350).
  const parentCase = await openCase(PARENT, '陈淑兰', BAIHUO, 150_000);
  const heldCase = await openCase(HELD_PARENT, '孙桂英', GONGJIAO, 150_000);
  await openCase(RELATIVE, '吴国强', GONGJIAO, 240_000);

  const fund = await call(
    admin,
    'POST',
    '/hardship/funds',
    { name: '西工区困难职工帮扶资金', year: YEAR, category: 'any', holderOrgId: UNIT, amountFen: 10_000_000 },
    201,
  );
  const given = await call(
    cw,
    'POST',
    `/hardship/cases/${parentCase}/assistance`,
    {
      kind: 'cash',
      category: 'living',
      amountFen: 120_050,
      fundId: fund.fundId,
      description: '生活困难补助',
    },
    201,
  );
  assert.equal(given.status, 'disbursed');

  // 金秋助学: the family's student paid, another family's application held when its case closes.
  const campaign = await call(
    admin,
    'POST',
    '/grants/campaigns',
    {
      year: YEAR,
      name: CAMPAIGN,
      budgetFen: 1_000_000,
      opensOn: addDays(TODAY, -1),
      closesOn: addDays(TODAY, 30),
      schoolStartOn: addDays(TODAY, 40),
      amountsByLevelFen: { undergraduate: 500_000, senior_high: 300_000 },
    },
    201,
  );
  const eligible = (id: string, programme: 'grants' | 'medical-aid') =>
    eventually(`${programme} learns of the case of ${masked(id)}`, async () => {
      const e = await call(cw, 'GET', `/${programme}/eligibility/${id}`, undefined, 200);
      return e.hasOpenCase === true;
    });
  await Promise.all([
    eligible(PARENT, 'grants'),
    eligible(HELD_PARENT, 'grants'),
    eligible(PARENT, 'medical-aid'),
  ]);
  const apply = async (parentIdNumber: string, unitId: string, student: Json) =>
    String(
      (
        await call(
          cw,
          'POST',
          '/grants/applications',
          {
            campaignId: campaign.campaignId,
            parentIdNumber,
            unitId,
            student,
            consent: { documentRef: '工助授〔2026〕0001号', signedOn: '2026-01-05' },
          },
          201,
        )
      ).applicationId,
    );
  const paid = await apply(PARENT, BAIHUO, {
    idNumber: STUDENT,
    name: '陈晓明',
    level: 'undergraduate',
    school: '河南科技大学',
  });
  await call(reviewer, 'POST', `/grants/applications/${paid}/approve`, {}, 200);
  await call(
    cw,
    'POST',
    `/grants/applications/${paid}/disburse`,
    { paymentRef: 'XG-ZX-001', paidOn: TODAY },
    200,
  );
  await apply(HELD_PARENT, GONGJIAO, {
    idNumber: HELD_STUDENT,
    name: '孙小雨',
    level: 'senior_high',
    school: '洛阳市第一高级中学',
  });
  await call(cw, 'POST', `/hardship/cases/${heldCase}/close`, { reason: 'moved_away' }, 200);
  await eventually('the application is put on hold', async () => {
    const list = await call(cw, 'GET', '/grants/applications?status=on_hold', undefined, 200);
    return list.total === 1;
  });

  // 医疗互助: ten members pay 100 yuan each, the family's (deep hardship) is waived; its claim pays
  // 1,250 yuan, more than the 1,000 collected; another claim is approved and waits to be paid.
  const period = await call(
    admin,
    'POST',
    '/medical-aid/periods',
    {
      name: PERIOD,
      coverageStart: addDays(TODAY, -30),
      coverageEnd: addDays(TODAY, 330),
      enrollmentOpensOn: addDays(TODAY, -30),
      enrollmentClosesOn: addDays(TODAY, 30),
      rules: {
        inpatient: {
          deductibleFen: 100_000,
          bands: [
            { uptoFen: 5_000_000, ratioBp: 5000 },
            { uptoFen: null, ratioBp: 6000 },
          ],
        },
        seriousIllness: {
          bands: [
            { uptoFen: 4_000_000, ratioBp: 5000 },
            { uptoFen: null, ratioBp: 7000 },
          ],
        },
        hardshipRisk: { thresholdFen: 3_000_000 },
      },
    },
    201,
  );
  const periodId = String(period.periodId);
  const members = [
    { idNumber: PARENT, name: '陈淑兰', hasBasicMedicalInsurance: true },
    { idNumber: WAITING, name: '周建华', hasBasicMedicalInsurance: true },
    ...PAYING.map((idNumber, i) => ({ idNumber, name: `西工职工${i + 1}`, hasBasicMedicalInsurance: true })),
  ];
  const enrolled = await call(
    cw,
    'POST',
    `/medical-aid/periods/${periodId}/enrollments`,
    { unitId: BAIHUO, paymentRef: 'XG-HZ-2026-01', members },
    200,
  );
  assert.equal(enrolled.waived, 1, JSON.stringify(enrolled));
  const claim = async (idNumber: string, totalFen: number, basicFen: number) =>
    String(
      (
        await call(
          cw,
          'POST',
          '/medical-aid/claims',
          {
            periodId,
            idNumber,
            hospital: '洛阳市中心医院',
            admittedOn: TODAY,
            dischargedOn: TODAY,
            diagnosisCode: 'K35.8',
            bill: bill(totalFen, basicFen),
          },
          201,
        )
      ).claimId,
    );
  // Out of pocket 3,500, 2,500 above the deductible, half of it paid: 1,250 yuan.
  const paidClaim = await claim(PARENT, 500_000, 150_000);
  await call(reviewer, 'POST', `/medical-aid/claims/${paidClaim}/approve`, {}, 200);
  await call(
    cw,
    'POST',
    `/medical-aid/claims/${paidClaim}/pay`,
    { paymentRef: 'XG-HZ-PAY-1', paidOn: TODAY },
    200,
  );
  // Out of pocket 2,000, 1,000 above the deductible: 500 yuan, approved, not paid.
  const waiting = await claim(WAITING, 300_000, 100_000);
  await call(reviewer, 'POST', `/medical-aid/claims/${waiting}/approve`, {}, 200);
}

/** The texts of a table's body rows (FigureTableView renders each as a row header and cells). */
async function tableRows(page: Page, region: string): Promise<string[][]> {
  const rows = page.getByRole('region', { name: region, exact: true }).locator('table tbody tr');
  await rows.first().waitFor();
  // No DOM types in this file: the rows are read as what they are, cells with text.
  type Row = { children: ArrayLike<{ textContent: string | null }> };
  return rows.evaluateAll((trs) =>
    (trs as unknown as Row[]).map((tr) => Array.from(tr.children).map((td) => (td.textContent ?? '').trim())),
  );
}

/** Picks `label` in the antd Select named `field` (typing to filter, then the option). */
async function pick(page: Page, field: string, label: string): Promise<void> {
  await page.getByLabel(field, { exact: true }).click();
  await page.getByLabel(field, { exact: true }).fill(label);
  await page.locator(`.ant-select-item-option[title="${label}"]`).click();
}

void describe('人员查询, 工作台 worklists and 统计报表 (people-reports)', () => {
  let url: string;
  const pages: Page[] = [];
  before(async () => {
    url = (await suite()).url;
    await seed(url);
  });
  after(() => Promise.all(pages.map((p) => p.context().close())));
  const signIn = async (persona: typeof XIGONG) => {
    const page = await signedInPage(persona);
    pages.push(page);
    return page;
  };

  void it('looks a person up by identity number: the family across the three programmes and this year’s totals', async () => {
    const page = await signIn(XIGONG);
    await openMenu(page, '人员查询');
    await page.getByRole('heading', { name: '人员查询', level: 1 }).waitFor();
    const field = page.getByLabel('身份证号码', { exact: true });
    const wrong = `${PARENT.slice(0, 17)}${PARENT.endsWith('1') ? '2' : '1'}`;
    await field.pressSequentially(wrong);
    await page.getByText(/^校验位不符：最后一位应为 /).waitFor();
    assert.equal(await page.getByRole('button', { name: '查询' }).isDisabled(), true);
    await field.fill('');
    await field.pressSequentially(PARENT);
    await page.getByText('校验通过，出生日期 1972年2月29日').waitFor();
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: `陈淑兰（${masked(PARENT)}）` }).waitFor();
    assert.match(page.url(), new RegExp(`/people/${PARENT}$`));

    assert.deepEqual(await tableRows(page, `${YEAR}年已领取（三个项目合计）`), [
      ['困难帮扶', '1,200.50'],
      ['金秋助学', '5,000.00'],
      ['医疗互助', '1,250.00'],
      ['合计', '7,450.50'],
    ]);
    const hardship = page.getByRole('region', { name: '困难职工档案', exact: true });
    assert.deepEqual(
      await hardship.locator('table').first().locator('tbody tr').first().locator('th, td').allTextContents(),
      [
        '陈淑兰',
        '深度困难',
        BAIHUO,
        '在档',
        `${YEAR + 1}年${Number(TODAY.slice(5, 7))}月${Number(TODAY.slice(8, 10))}日`,
        '1,200.50',
      ],
    );
    await hardship.getByRole('link', { name: '陈淑兰' }).waitFor();
    assert.deepEqual(
      await hardship.locator('table').nth(1).locator('tbody tr').first().locator('th, td').allTextContents(),
      [formatDay(TODAY), '生活救助', '1,200.50', '已发放'],
    );
    assert.deepEqual(await tableRows(page, '金秋助学'), [
      ['陈晓明', '家长', '本科', '河南科技大学', '5,000.00', '已发放', formatDay(TODAY)],
    ]);
    const medical = page.getByRole('region', { name: '医疗互助', exact: true });
    await medical.getByText(PERIOD).waitFor();
    assert.deepEqual(
      await medical.locator('table').first().locator('tbody tr').first().locator('th, td').allTextContents(),
      [PERIOD, BAIHUO, formatDay(TODAY), '0.00', '工会兜底', '1,250.00', '0.00'],
    );
    assert.deepEqual(
      await medical.locator('table').nth(1).locator('tbody tr').first().locator('th, td').allTextContents(),
      [
        '洛阳市中心医院',
        formatDay(TODAY),
        formatDay(TODAY),
        '3,500.00',
        '1,250.00',
        '已支付',
        formatDay(TODAY),
      ],
    );
    await axeClean(page, '人员查询');
    await shot(page, 'people');
  });

  void it('shows 工作台’s worklists of the other programmes; a count opens its list; the list exports to .xlsx', async () => {
    const page = await signIn(XIGONG);
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await page.getByRole('link', { name: '助学申请暂缓：1 件，查看名单' }).waitFor();
    await page.getByRole('link', { name: '医疗互助待支付：1 件，查看名单' }).waitFor();
    await page.getByRole('region', { name: '助学申请暂缓' }).getByText('家长的困难职工档案已销档', { exact: true }).waitFor();
    await page.getByRole('region', { name: '医疗互助待支付' }).getByText('互助金 500.00 元').waitFor();
    await axeClean(page, '工作台');
    await shot(page, 'workbench-worklists');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出助学申请暂缓' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `助学申请暂缓-${TODAY}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      ['助学申请暂缓'],
    );
    const rows = book.worksheets[0]
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    assert.deepEqual(rows, [
      [
        '学生姓名',
        '学生身份证号',
        '家长身份证号',
        '学段',
        '学校',
        '所在单位',
        '助学金（元）',
        '状态',
        '暂缓原因',
        '提交日期',
      ],
      [
        '孙小雨',
        masked(HELD_STUDENT),
        masked(HELD_PARENT),
        '高中',
        '洛阳市第一高级中学',
        GONGJIAO,
        3000,
        '暂缓',
        '家长的困难职工档案已销档',
        new Date(`${TODAY}T00:00:00Z`),
      ],
    ]);
    assert.equal(book.worksheets[0].getCell('G2').numFmt, '#,##0.00');

    await page.getByRole('link', { name: '医疗互助待支付：1 件，查看名单' }).click();
    await page.getByRole('heading', { name: '医疗互助待支付', level: 1 }).waitFor();
    const row = page.locator('table tbody tr').first();
    await row.getByText('周建华').waitFor();
    assert.deepEqual(await row.locator('th, td').allTextContents(), [
      '周建华',
      masked(WAITING),
      BAIHUO,
      '洛阳市中心医院',
      formatDay(TODAY),
      formatDay(TODAY),
      '2,000.00',
      '500.00',
      '已批准待支付',
      '—',
    ]);
    await page.getByText('共 1 件').waitFor();
    await axeClean(page, '医疗互助待支付');
  });

  void it('draws 统计报表 for the caseworker’s unit: cases by tier and by unit, assistance by category, the campaign budget', async () => {
    const page = await signIn(XIGONG);
    await openMenu(page, '统计报表');
    await page.getByRole('heading', { name: '统计报表', level: 1 }).waitFor();
    await pick(page, '助学活动', CAMPAIGN);
    assert.deepEqual(await tableRows(page, '金秋助学预算使用'), [
      ['预算', '10,000.00', '100.00%'],
      ['已发放', '5,000.00', '50.00%'],
      ['已批准待发放', '0.00', '0.00%'],
      ['剩余', '5,000.00', '50.00%'],
    ]);
    assert.deepEqual(await tableRows(page, '在档困难职工（按困难类型）'), [
      ['深度困难', '1', '50.00%'],
      ['相对困难', '1', '50.00%'],
      ['意外致困', '0', '0.00%'],
      ['合计', '2', '100.00%'],
    ]);
    assert.deepEqual(await tableRows(page, '在档困难职工（按单位）'), [
      // The children in the order the API gives them: by name.
      ['洛阳市公共交通集团有限公司工会', '0', '1', '0', '1'],
      ['洛阳百货大楼有限公司工会', '1', '0', '0', '1'],
    ]);
    assert.deepEqual(await tableRows(page, '帮扶救助（按类别）'), [
      ['生活救助', '1', '1,200.50', '100.00%'],
      ['医疗救助', '0', '0.00', '0.00%'],
      ['助学', '0', '0.00', '0.00%'],
      ['节日慰问', '0', '0.00', '0.00%'],
      ['临时救助', '0', '0.00', '0.00%'],
      ['合计', '1', '1,200.50', '100.00%'],
    ]);
    await page
      .getByRole('region', { name: '医疗互助基金使用率' })
      .getByText('医疗互助基金报表由审核人、审计和管理员查看。')
      .waitFor();
    const charts = page.locator('[role="img"][data-chart-state="drawn"]');
    await eventually('the charts are drawn', async () => (await charts.count()) === 4, 15_000);
  });

  void it('shows the reviewer the fund of a period and unit: the gauge red above 100%, the payouts by month; exports the report', async () => {
    const page = await signIn(REVIEWER);
    await openMenu(page, '统计报表');
    await page.getByRole('heading', { name: '统计报表', level: 1 }).waitFor();
    const org = page.getByLabel('单位', { exact: true });
    await org.click();
    await org.fill('西工区');
    await page.locator('.ant-select-tree-node-content-wrapper[title="西工区总工会"]').click();
    await pick(page, '互助期次', PERIOD);
    await page
      .getByRole('region', { name: '医疗互助基金使用率' })
      .getByText(`${PERIOD} · 西工区总工会`)
      .waitFor();
    assert.deepEqual((await tableRows(page, '医疗互助基金使用率'))[0], [
      '西工区总工会',
      '10',
      '1',
      '1,000.00',
      '1',
      '1,250.00',
      '0.00',
      '125.00%',
      '是',
    ]);
    const gauge = page.getByRole('img', { name: '基金使用率：125.00%（超支）' });
    await gauge.waitFor();
    assert.equal(await gauge.getAttribute('data-gauge-colour'), '#c8102e');
    assert.equal(await gauge.getAttribute('data-over'), 'true');
    // The drawing itself is in that red, not only the attribute.
    await eventually('the gauge is drawn in red', async () => {
      const svg = (await gauge.innerHTML()).toLowerCase();
      return svg.includes('#c8102e') || svg.includes('rgb(200,16,46)');
    });
    assert.deepEqual(await tableRows(page, '医疗互助按月赔付'), [[MONTH, '1', '1,250.00']]);
    await axeClean(page, '统计报表');
    await shot(page, 'reports');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出医疗互助基金使用率' }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0];
    assert.equal(sheet.name, '医疗互助基金使用情况');
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1), [
      '西工区总工会',
      10,
      1,
      1000,
      1,
      1250,
      0,
      1.25,
      '是',
    ]);
    assert.equal(sheet.getCell('H2').numFmt, '0.00%');
  });
});

function formatDay(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}
