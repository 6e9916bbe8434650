// 困难职工档案 (CONSOLE.md, caseworker 3-5): 李敏 reads a case file (the household, the tier and
// the line it was judged against, the year's assistance against the cap), records a home visit, a
// reassessment (the tier it gives shown before saving), a pairing, two assistance requests (one
// paid at once, one waiting for a second reviewer, the figures against the cap to the fen, a third
// refused under its amount), closes and reopens the file; then works the referral inbox: one
// referral from medical aid opens the case form prefilled, another is dismissed with a reason.
// Every person here is this module's own (born 1972-03-04, sequence 8xx).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { addDays, chinaToday, idNumberWithCheckChar } from '@union/kernel';
import { PERSONAS } from '../src/auth/personas';
import { formatDate } from '../src/format/date';
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
import { paidHeavyClaim } from './seed';

const CASEWORKER = PERSONAS[0]; // 李敏, 金水区 (ha-zz-jsq)
const UNIT = CASEWORKER.units[0];
const TODAY = chinaToday(new Date());
const YEAR = TODAY.slice(0, 4);
const FUND = '金水区困难职工帮扶专项资金';

const person = (seq: number) => idNumberWithCheckChar(`41010519720304${seq}`);
const FILE = { id: person(801), name: '孙秀兰' };
const REFERRED = { id: person(802), name: '何建军' };
const DISMISSED = { id: person(803), name: '周玉梅' };

/**
 * A hardship-risk referral from medical aid for each member (DOMAIN.md §3): enrolled in a period,
 * a paid claim whose remaining burden passes the threshold; waits until the inbox has them.
 */
async function referralsFor(url: string, members: { id: string; name: string }[]): Promise<void> {
  const [cw, admin, reviewer] = await Promise.all([
    devToken(url, CASEWORKER.sub, ['caseworker'], [UNIT]),
    devToken(url, 'admin-hardship-tasks', ['admin'], ['*']),
    devToken(url, 'rv-hardship-tasks', ['reviewer'], ['*']),
  ]);
  const period = await apiCall(
    url,
    admin,
    'POST',
    '/medical-aid/periods',
    {
      name: '2026年度职工医疗互助（困难档案任务）',
      coverageStart: addDays(TODAY, -60),
      coverageEnd: addDays(TODAY, 300),
      enrollmentOpensOn: addDays(TODAY, -60),
      enrollmentClosesOn: addDays(TODAY, 30),
      rules: {
        inpatient: { deductibleFen: 100_000, bands: [{ uptoFen: null, ratioBp: 5000 }] },
        seriousIllness: { bands: [{ uptoFen: null, ratioBp: 5000 }] },
        hardshipRisk: { thresholdFen: 3_000_000 },
      },
    },
    201,
  );
  const periodId = String(period.periodId);
  await apiCall(
    url,
    cw,
    'POST',
    `/medical-aid/periods/${periodId}/enrollments`,
    {
      unitId: UNIT,
      paymentRef: 'PAY-HARDSHIP-TASKS',
      members: members.map((m) => ({ idNumber: m.id, name: m.name, hasBasicMedicalInsurance: true })),
    },
    200,
  );
  for (const [i, m] of members.entries()) {
    await paidHeavyClaim(
      url,
      { caseworker: cw, reviewer },
      {
        periodId,
        idNumber: m.id,
        hospital: '郑州大学第一附属医院',
        diagnosisCode: 'C34.9',
        paymentRef: `BANK-HARDSHIP-${i}`,
        on: TODAY,
      },
    );
  }
  await eventually('the referrals in the inbox', async () => {
    const list = await apiCall(url, cw, 'GET', '/hardship/referrals?status=pending', undefined, 200);
    const names = (list.items as Json[]).map((r) => r.memberName);
    return members.every((m) => names.includes(m.name));
  });
}

/** The text of the case file's row labelled `label` (a Descriptions item). */
const field = (page: Page, label: string): Locator =>
  page.locator('.ant-descriptions-item-label', { hasText: label }).locator('xpath=following-sibling::td[1]');

/** The newest lines of the timeline, as read. */
const timeline = (page: Page): Locator => page.getByTestId('case-history').locator('li');

void describe('困难职工档案: the case file, its actions and the referral inbox', () => {
  let url: string;
  let page: Page;
  let caseId: string;

  before(async () => {
    ({ url } = await suite());
    const admin = await devToken(url, 'admin-hardship-tasks', ['admin'], ['*']);
    const cw = await devToken(url, CASEWORKER.sub, ['caseworker'], [UNIT]);
    await apiCall(
      url,
      admin,
      'POST',
      '/hardship/funds',
      { name: FUND, year: Number(YEAR), category: 'any', holderOrgId: UNIT, amountFen: 100_000_000 },
      201,
    );
    const opened = await apiCall(
      url,
      cw,
      'POST',
      '/hardship/cases',
      {
        person: { idNumber: FILE.id, name: FILE.name },
        unitId: UNIT,
        regionCode: '410105',
        household: { size: 3, monthlyIncomeFen: 225_000 },
        causes: ['illness'],
        channel: 'walk_in',
        consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
      },
      201,
    );
    caseId = String(opened.caseId);
    await referralsFor(url, [REFERRED, DISMISSED]);
    page = await signedInPage(CASEWORKER);
  });

  after(() => page?.context().close());

  const dialog = (name: string) => page.getByRole('dialog', { name });
  const capLine = () => page.getByRole('region', { name: '本年度帮扶额度' }).locator('.ant-typography');

  void it('reads the case file: the household, the tier and the line it was judged against, the year against the cap', async () => {
    await openMenu(page, '困难职工档案');
    await page.getByRole('link', { name: FILE.name }).click();
    await page.getByRole('heading', { name: new RegExp(`${FILE.name} 的困难职工档案`) }).waitFor();
    assert.equal(page.url(), `${url}/cases/${caseId}`);
    assert.equal(await field(page, '家庭人口').innerText(), '3 人');
    assert.equal(await field(page, '人均月收入').innerText(), '750.00 元');
    assert.equal(await field(page, '困难类型').innerText(), '深度困难');
    assert.equal(
      await field(page, '认定依据').innerText(),
      '家庭人均月收入 750.00 元，不高于低保标准 900.00 元（政策版本 default-1）',
    );
    assert.equal(await field(page, '上次走访').innerText(), '尚未走访');
    assert.equal(await field(page, '结对帮扶').innerText(), '尚未结对');
    assert.match(await field(page, '下次复核').innerText(), /^\d{4}年\d{1,2}月\d{1,2}日$/);
    assert.equal(
      await capLine().innerText(),
      `${YEAR}年已帮扶 0.00 元 / 年度上限 20,000.00 元，还可帮扶 20,000.00 元（含待审批；额度版本 assistance-500000-2000000）`,
    );
    await page.getByText('暂无其他项目的帮扶').waitFor();
    assert.match(
      await timeline(page).first().innerText(),
      /建档 · 经办人 cw-jinshui · 政策版本 default-1 · 认定为深度困难，人均月收入 750\.00 元/,
    );
  });

  void it('records a home visit; the file shows it as the last visit and on its timeline', async () => {
    await page.getByRole('button', { name: '记录走访' }).click();
    const d = dialog('记录入户走访');
    assert.equal(await d.getByLabel('走访日期').inputValue(), TODAY);
    // A date in the future is refused by the API, under its field.
    await d.getByLabel('走访日期').fill(addDays(TODAY, 1));
    await d.getByLabel('走访人').fill('李敏');
    await d.getByLabel('走访情况').fill('丈夫住院化疗，孩子读初中，家中靠低保维持。');
    await d.getByRole('button', { name: '保存走访' }).click();
    await d.getByText('走访日期不能晚于今天').waitFor();
    await d.getByLabel('走访日期').fill(TODAY);
    await d.getByRole('button', { name: '保存走访' }).click();
    await d.waitFor({ state: 'hidden' });
    await field(page, '上次走访').getByText(formatDate(TODAY), { exact: true }).waitFor();
    await timeline(page).first().getByText('入户走访', { exact: true }).waitFor();
    assert.match(await timeline(page).first().innerText(), new RegExp(`${formatDate(TODAY)}，走访人 李敏$`));
  });

  void it('reassesses: the tier the review gives and the line it was judged against, before saving', async () => {
    await page.getByRole('button', { name: '复核', exact: true }).click();
    const d = dialog(`复核：${FILE.name}`);
    assert.equal(await d.getByLabel('家庭月收入（元）').inputValue(), '2250.00');
    const preview = d.getByRole('region', { name: '复核结果预览' });
    await d.getByLabel('家庭月收入（元）').fill('3750');
    await preview.getByText('复核结果：相对困难', { exact: true }).waitFor();
    await preview
      .getByText(
        '家庭人均月收入 1,250.00 元，高于低保标准 900.00 元，不高于相对困难标准 1,350.00 元（政策版本 default-1）',
        { exact: true },
      )
      .waitFor();
    // Above every line, the preview says the file would close; back under the line to save.
    await d.getByLabel('家庭月收入（元）').fill('6000');
    await preview.getByText(/^复核结果：不再符合困难职工认定条件/).waitFor();
    await preview
      .getByText('家庭人均月收入 2,000.00 元，高于相对困难标准 1,350.00 元（政策版本 default-1）')
      .waitFor();
    await d.getByLabel('家庭月收入（元）').fill('3750');
    await preview.getByText('复核结果：相对困难', { exact: true }).waitFor();
    await axeClean(page, '复核');
    await shot(page, 'hardship-reassessment');
    await d.getByRole('button', { name: '保存复核' }).click();
    await d.waitFor({ state: 'hidden' });
    await field(page, '困难类型').getByText('相对困难', { exact: true }).waitFor();
    assert.equal(
      await field(page, '认定依据').innerText(),
      '家庭人均月收入 1,250.00 元，高于低保标准 900.00 元，不高于相对困难标准 1,350.00 元（政策版本 default-1）',
    );
    const lines = await timeline(page).allInnerTexts();
    assert.match(lines[0], /困难类型变更 · 经办人 cw-jinshui.* · 深度困难 → 相对困难$/);
    assert.match(
      lines[1],
      /复核 · 经办人 cw-jinshui · 政策版本 default-1 · 认定为相对困难，人均月收入 1,250\.00 元$/,
    );
  });

  void it('pairs the family with a helper', async () => {
    await page.getByRole('button', { name: '结对帮扶' }).click();
    const d = dialog('结对帮扶');
    await d.getByLabel('帮扶责任人').fill('王志刚');
    await d.getByLabel('责任人单位').fill('金水区总工会机关党支部');
    await d.getByRole('button', { name: '保存结对' }).click();
    await d.waitFor({ state: 'hidden' });
    await field(page, '结对帮扶').getByText('王志刚（金水区总工会机关党支部）', { exact: true }).waitFor();
  });

  const requestAssistance = async (amount: string, description: string) => {
    await page.getByRole('button', { name: '申请帮扶' }).click();
    const d = dialog(`申请帮扶：${FILE.name}`);
    await d.getByLabel('现金').check();
    await d.getByLabel('帮扶类别').click();
    await page.locator('.ant-select-item-option[title="医疗救助"]').click();
    await d.getByLabel('金额（元）').fill(amount);
    await d.getByLabel('资金来源').click();
    await page.locator('.ant-select-item-option', { hasText: FUND }).click();
    await d.getByLabel('帮扶内容').fill(description);
    await d.getByRole('button', { name: '提交' }).click();
    return d;
  };

  void it('requests assistance: paid at once below the threshold, waiting for a second reviewer above it, the year against the cap to the fen', async () => {
    const first = await requestAssistance('1,234.56', '住院期间生活补助');
    await first.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText('1,234.56 元 的帮扶申请已发放', { exact: true }).waitFor();
    await capLine()
      .getByText(
        `${YEAR}年已帮扶 1,234.56 元 / 年度上限 20,000.00 元，还可帮扶 18,765.44 元（含待审批；额度版本 assistance-500000-2000000）`,
      )
      .waitFor();

    const second = await requestAssistance('5000', '化疗费用救助');
    await second.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .getByText('5,000.00 元 的帮扶申请已提交，等待第二位审核人审批', { exact: true })
      .waitFor();
    await capLine()
      .getByText(/已帮扶 6,234\.56 元 \/ 年度上限 20,000\.00 元，还可帮扶 13,765\.44 元/)
      .waitFor();
    const rows = page.locator('.ant-card', { hasText: '帮扶记录' }).locator('tbody tr.ant-table-row');
    assert.deepEqual(
      // Of one day, in the API's order; compared by amount.
      (await rows.allInnerTexts())
        .map((r) => r.split('\t').map((c) => c.trim()))
        .sort((a, b) => a[3].length - b[3].length || a[3].localeCompare(b[3])),
      [
        [formatDate(TODAY), '现金', '医疗救助', '1,234.56 元', '住院期间生活补助', '已发放'],
        [formatDate(TODAY), '现金', '医疗救助', '5,000.00 元', '化疗费用救助', '待第二审核人审批'],
      ],
    );

    // More than the cap leaves: refused by the API, the figures under the amount.
    const third = await requestAssistance('13765.45', '一次性救助');
    await third
      .getByText('超出本年度帮扶上限：上限 20,000.00 元，本年已计 6,234.56 元，还可帮扶 13,765.44 元')
      .first()
      .waitFor();
    await third.getByRole('button', { name: '取消' }).click();
    await third.waitFor({ state: 'hidden' });
    await axeClean(page, '档案详情（办理后）');
    await shot(page, 'hardship-case-file');
  });

  void it('closes the file with a reason, then reopens it', async () => {
    await page.getByRole('button', { name: '销档' }).click();
    const d = dialog(`销档：${FILE.name}`);
    await d.getByLabel('销档原因').click();
    await page.locator('.ant-select-item-option[title="迁出"]').click();
    await d.getByLabel('备注').fill('随子女迁往外省');
    await d.getByRole('button', { name: '确认销档' }).click();
    await d.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: /已销档/ }).waitFor();
    await field(page, '下次复核').getByText('已销档（迁出）', { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: '申请帮扶' }).count(), 0);
    await timeline(page)
      .first()
      .getByText(/^.* · 销档 · 经办人 cw-jinshui.* · 原因：迁出$/)
      .waitFor();

    await page.getByRole('button', { name: '恢复档案' }).click();
    const r = dialog(`恢复档案：${FILE.name}`);
    await r.getByLabel('恢复理由').fill('迁回本地，家庭仍困难');
    await r.getByRole('button', { name: '确认恢复' }).click();
    await r.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: /在档/ }).waitFor();
    await page.getByRole('button', { name: '申请帮扶' }).waitFor();
    await timeline(page)
      .first()
      .getByText(/重新建档 · 经办人 cw-jinshui.*理由：迁回本地，家庭仍困难$/)
      .waitFor();
  });

  void it('works the referral inbox: 建档 opens the case form prefilled from the referral', async () => {
    await openMenu(page, '转介');
    await page.getByRole('heading', { name: '待处理转介' }).waitFor();
    for (const m of [REFERRED, DISMISSED])
      await page.getByRole('cell', { name: m.name, exact: true }).waitFor();
    await axeClean(page, '待处理转介');
    await shot(page, 'referrals');
    await page.getByRole('button', { name: `为${REFERRED.name}建档` }).click();
    await page.getByRole('heading', { name: '建档', exact: true }).waitFor();
    await page.getByText(`来自医疗互助的转介：${REFERRED.name}`).waitFor();
    assert.equal(await page.getByLabel('姓名').inputValue(), REFERRED.name);
    await page
      .locator('.ant-form-item', { hasText: '来源渠道' })
      .getByText('转介', { exact: true })
      .waitFor();
    assert.equal(await page.getByLabel('因病').isChecked(), true);
    await page.getByLabel('身份证号码').fill(REFERRED.id);
    await page.getByLabel('家庭人口（人）').fill('4');
    await page.getByLabel('家庭月收入（元）').fill('3000');
    const preview = page.getByRole('region', { name: '认定结果预览' });
    await preview.getByText('认定结果：深度困难').waitFor();
    // The worker's signed authorisation, as every opening needs (DOMAIN.md §5).
    await page.getByLabel('授权书编号').fill('金工帮授〔2026〕0802号');
    await page.getByLabel('签署日期').fill(TODAY);
    await preview.getByText('认定结果：深度困难').waitFor();
    await page.getByRole('button', { name: '保存建档' }).click();
    await page.getByRole('heading', { name: new RegExp(`${REFERRED.name} 的困难职工档案`) }).waitFor();
    assert.equal(await field(page, '来源渠道').innerText(), '转介');
    assert.equal(await field(page, '人均月收入').innerText(), '750.00 元');
  });

  void it('dismisses the other referral with a reason; the inbox is then empty', async () => {
    await openMenu(page, '转介');
    await page.getByRole('cell', { name: DISMISSED.name, exact: true }).waitFor();
    await page.getByRole('cell', { name: REFERRED.name, exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: `驳回${DISMISSED.name}的转介` }).click();
    const d = dialog(`驳回转介：${DISMISSED.name}`);
    await d.getByRole('button', { name: '确认驳回' }).click();
    await d.getByText('请输入驳回理由').waitFor();
    await d.getByLabel('驳回理由').fill('已纳入街道临时救助，暂不建档');
    await d.getByRole('button', { name: '确认驳回' }).click();
    await d.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText(`已驳回 ${DISMISSED.name} 的转介`).waitFor();
    await page.getByText('暂无待处理的转介').waitFor();
    const cw = await devToken(url, CASEWORKER.sub, ['caseworker'], [UNIT]);
    const dismissed = await apiCall(url, cw, 'GET', '/hardship/referrals?status=dismissed', undefined, 200);
    assert.deepEqual(
      (dismissed.items as Json[]).map((r) => [r.memberName, r.dismissedReason]),
      [[DISMISSED.name, '已纳入街道临时救助，暂不建档']],
    );
  });
});
