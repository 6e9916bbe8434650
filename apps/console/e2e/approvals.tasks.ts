// 审批 and 区域政策 (CONSOLE.md, reviewer and admin): the reviewer's inbox across the programmes,
// each item's figures on one screen, approve and reject with a reason, and four eyes (what the
// reviewer submitted himself is not offered); the admin publishes a region's policy through the
// form and sees the new version listed. Seeded through the API: own people, own unit under ha
// (洛阳轴承集团, ha-ly-jxq-lz), own campaign, own period, own region code.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { addDays, chinaToday, idNumberWithCheckChar } from '@union/kernel';
import { PERSONAS, type Persona } from '../src/auth/personas';
import { apiCall, axeClean, devToken, eventually, shot, signedInPage, suite, type Json } from './harness';

const persona = (key: string): Persona => {
  const found = PERSONAS.find((p) => p.key === key);
  assert.ok(found, key);
  return found;
};
const REVIEWER = persona('reviewer');
const ADMIN = persona('admin');
/** This module's grass-roots union (no other module uses it) and its district's region code. */
const UNIT = 'ha-ly-jxq-lz';
const REGION = '410305';
/** This module's people: born 1966-06-06 in 涧西区, serials 601-699. */
const person = (serial: number) =>
  idNumberWithCheckChar(`41030519660606${String(600 + serial).padStart(3, '0')}`);
/** The region whose policy the admin publishes (洛龙区): no other module's cases are there. */
const POLICY_REGION = '410311';

interface Seeded {
  ownAssistanceId: string;
  applicationId: string;
  claimId: string;
  batch: { batchId: string; includedCount: number; totalFen: number };
}

/** The seeded items as the inbox names them (its 审阅 buttons). */
const ITEMS = {
  assistance: '帮扶救助：刘建华 · 医疗救助（现金）',
  own: '帮扶救助：孙桂兰 · 医疗救助（现金）',
  application: '金秋助学：张晓雨 · 本科 · 河南科技大学',
  claim: '医疗互助：赵国强 · 洛阳市中心医院',
  /** With its household count, known once seeded. */
  batch: (households: number) => `送温暖：2026年春节送温暖（轴承集团）（${households} 户）`,
};

async function seed(url: string): Promise<Seeded> {
  const today = chinaToday(new Date());
  const [admin, caseworker, himself] = await Promise.all([
    devToken(url, 'admin-approvals', ['admin'], ['*']),
    devToken(url, 'cw-zhoucheng', ['caseworker'], [UNIT]),
    // 张伟 (rv-henan) himself, holding the caseworker role too: what he submits, he may not approve.
    devToken(url, REVIEWER.sub, ['caseworker', 'reviewer'], [UNIT]),
  ]);
  const call = (token: string, method: string, path: string, body: unknown, expected: number) =>
    apiCall(url, token, method, path, body, expected);
  const fund = await call(
    admin,
    'POST',
    '/hardship/funds',
    {
      name: '轴承集团帮扶专项资金',
      year: Number(today.slice(0, 4)),
      category: 'any',
      holderOrgId: UNIT,
      amountFen: 100_000_000,
    },
    201,
  );
  const fundId = String(fund.fundId);
  // Three in a household on 2,100 yuan a month: 700 yuan a head, under the 900 yuan line (深度困难).
  const openCase = async (token: string, serial: number, name: string) =>
    String(
      (
        await call(
          token,
          'POST',
          '/hardship/cases',
          {
            person: { idNumber: person(serial), name },
            unitId: UNIT,
            regionCode: REGION,
            household: { size: 3, monthlyIncomeFen: 210_000 },
            causes: ['illness'],
            channel: 'walk_in',
            consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
          },
          201,
        )
      ).caseId,
    );
  const requestAssistance = async (token: string, caseId: string, amountFen: number) => {
    const answer = await call(
      token,
      'POST',
      `/hardship/cases/${caseId}/assistance`,
      { kind: 'cash', category: 'medical', amountFen, fundId, description: '住院治疗费用救助' },
      201,
    );
    assert.equal(answer.status, 'pending_approval');
    return String(answer.assistanceId);
  };
  // Above the 5,000 yuan threshold: waiting for a second reviewer.
  await requestAssistance(caseworker, await openCase(caseworker, 1, '刘建华'), 600_000);
  const ownAssistanceId = await requestAssistance(himself, await openCase(himself, 2, '孙桂兰'), 550_000);

  // 金秋助学: this module's campaign, a parent with an open case, once grants has learned of it.
  const campaign = await call(
    admin,
    'POST',
    '/grants/campaigns',
    {
      year: Number(today.slice(0, 4)),
      name: '金秋助学（轴承集团）',
      budgetFen: 10_000_000,
      opensOn: today,
      closesOn: addDays(today, 14),
      schoolStartOn: addDays(today, 21),
      amountsByLevelFen: { undergraduate: 300_000 },
    },
    201,
  );
  await openCase(caseworker, 3, '张建军');
  await eventually('grants learns of the parent’s case', async () => {
    const e = await call(caseworker, 'GET', `/grants/eligibility/${person(3)}`, undefined, 200);
    return e.hasOpenCase === true;
  });
  const application = await call(
    caseworker,
    'POST',
    '/grants/applications',
    {
      campaignId: String(campaign.campaignId),
      parentIdNumber: person(3),
      consent: { documentRef: '工助授〔2026〕0001号', signedOn: '2026-01-05' },
      unitId: UNIT,
      student: {
        idNumber: idNumberWithCheckChar('41030520060606611'),
        name: '张晓雨',
        level: 'undergraduate',
        school: '河南科技大学',
      },
    },
    201,
  );

  // 医疗互助: this module's period; DOMAIN.md §3's first worked example (payout 20,000 yuan).
  const period = await call(
    admin,
    'POST',
    '/medical-aid/periods',
    {
      name: '2026年度职工医疗互助（轴承集团）',
      coverageStart: addDays(today, -30),
      coverageEnd: addDays(today, 300),
      enrollmentOpensOn: addDays(today, -30),
      enrollmentClosesOn: addDays(today, 30),
      rules: {
        inpatient: {
          deductibleFen: 100_000,
          bands: [
            { uptoFen: 5_000_000, ratioBp: 5000 },
            { uptoFen: null, ratioBp: 6000 },
          ],
        },
        seriousIllness: { bands: [{ uptoFen: null, ratioBp: 5000 }] },
        hardshipRisk: { thresholdFen: 3_000_000 },
      },
    },
    201,
  );
  const periodId = String(period.periodId);
  await call(
    caseworker,
    'POST',
    `/medical-aid/periods/${periodId}/enrollments`,
    {
      unitId: UNIT,
      paymentRef: 'PAY-ZC-2026',
      members: [{ idNumber: person(4), name: '赵国强', hasBasicMedicalInsurance: true }],
    },
    200,
  );
  const claim = await call(
    caseworker,
    'POST',
    '/medical-aid/claims',
    {
      periodId,
      idNumber: person(4),
      hospital: '洛阳市中心医院',
      admittedOn: today,
      dischargedOn: today,
      diagnosisCode: 'K35.8',
      bill: {
        totalFen: 6_200_000,
        basicInsurancePaidFen: 2_100_000,
        seriousIllnessInsurancePaidFen: 0,
        medicalAssistancePaidFen: 0,
        employerPaidFen: 0,
        otherPaidFen: 0,
      },
    },
    201,
  );
  assert.equal((claim.quote as Json).payoutFen, 2_000_000);

  // 送温暖: a draft batch of the unit's deep-tier households, 500 yuan each.
  const batch = await call(
    caseworker,
    'POST',
    '/hardship/holiday-batches',
    {
      name: '2026年春节送温暖（轴承集团）',
      orgId: UNIT,
      fundId,
      tiers: ['deep'],
      amountsByTierFen: { deep: 50_000 },
      paidOn: today,
    },
    201,
  );
  const totals = batch.totals as { includedCount: number; totalFen: number };
  assert.ok(totals.includedCount >= 3, 'the batch holds at least this module’s three households');
  return {
    ownAssistanceId,
    applicationId: String(application.applicationId),
    claimId: String(claim.claimId),
    batch: { batchId: String(batch.batchId), ...totals },
  };
}

/** The value shown next to `label` in the open drawer's figures (a bordered Descriptions row). */
const figure = (drawer: Locator, label: string) =>
  drawer
    .locator('tr')
    .filter({
      has: drawer.page().locator('th', { hasText: new RegExp(`^${label.replace(/[()（）]/g, '\\$&')}$`) }),
    })
    .locator('td')
    .first();

async function expectFigures(drawer: Locator, figures: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(figures)) {
    assert.equal((await figure(drawer, label).innerText()).trim(), value, label);
  }
}

/** Yuan with two decimals for a whole number of yuan (the batch's total, from its answer). */
const wholeYuan = (fen: number) => {
  const digits = String(fen);
  assert.ok(digits.endsWith('00'), `${fen} fen is a whole number of yuan`);
  return `${digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.00 元`;
};

void describe('审批 and 区域政策 in Chromium against the embedded platform', () => {
  let url: string;
  let seeded: Seeded;
  let page: Page;

  before(async () => {
    url = (await suite()).url;
    seeded = await seed(url);
  });
  after(() => page?.context().close());

  const batchItem = () => ITEMS.batch(seeded.batch.includedCount);
  const review = (name: string) => page.getByRole('button', { name: `审阅 ${name}`, exact: true });
  const drawerOf = (name: string) =>
    page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: `审阅${name}` }) });

  void it('张伟 signs in to the inbox: every programme’s items of his units, never what he submitted himself', async () => {
    page = await signedInPage(REVIEWER);
    await page.getByRole('heading', { name: '审批', level: 1 }).waitFor();
    assert.match(page.url(), /\/approvals$/);
    for (const name of [ITEMS.assistance, ITEMS.application, ITEMS.claim, batchItem()])
      await review(name).waitFor();
    // His own request is not offered, though it waits for a reviewer (another one): the API has it.
    assert.equal(await review(ITEMS.own).count(), 0);
    assert.equal(await page.getByText('孙桂兰').count(), 0);
    const reviewerToken = await devToken(url, REVIEWER.sub, ['reviewer'], ['ha']);
    const pending = await apiCall(
      url,
      reviewerToken,
      'GET',
      '/hardship/assistance?status=pending_approval&pageSize=500',
      undefined,
      200,
    );
    assert.ok((pending.items as Json[]).some((a) => a.assistanceId === seeded.ownAssistanceId));
    for (const kind of ['帮扶救助', '金秋助学', '医疗互助', '送温暖']) {
      await page.getByRole('region', { name: kind, exact: true }).getByText(/^\d+$/).waitFor();
    }
    await axeClean(page, '审批');
    await shot(page, 'approvals-inbox');
  });

  void it('opens the assistance: the case’s tier and this year against the cap; approves it with a note', async () => {
    await review(ITEMS.assistance).click();
    const drawer = drawerOf(ITEMS.assistance);
    await drawer.waitFor();
    await expectFigures(drawer, {
      困难类型: '深度困难',
      申请金额: '6,000.00 元',
      '本年度已计入（含本笔）': '6,000.00 元',
      年度上限: '20,000.00 元',
      年度尚余: '14,000.00 元',
      经费来源: '轴承集团帮扶专项资金（余额 988,500.00 元）',
    });
    await axeClean(page, '审批 · 帮扶救助');
    await shot(page, 'approvals-assistance');
    await drawer.getByLabel('审批意见').fill('经入户核实，住院费用属实');
    await drawer.getByRole('button', { name: '批准' }).click();
    await page.getByText(`已批准：${ITEMS.assistance.split('：')[1]}`).waitFor();
    await review(ITEMS.assistance).waitFor({ state: 'detached' });
  });

  void it('opens the grant application: student, level, amount and the campaign’s budget; a rejection needs its reason', async () => {
    await review(ITEMS.application).click();
    const drawer = drawerOf(ITEMS.application);
    await drawer.waitFor();
    await expectFigures(drawer, {
      学段: '本科',
      学校: '河南科技大学',
      助学金额: '3,000.00 元',
      预算总额: '100,000.00 元',
      已预留: '0.00 元',
      已发放: '0.00 元',
      剩余预算: '100,000.00 元',
    });
    await axeClean(page, '审批 · 金秋助学');
    await shot(page, 'approvals-application');
    await drawer.getByRole('button', { name: '驳回' }).click();
    await drawer.getByText('驳回须填写理由').waitFor();
    const reason = '家长已通过其他渠道获得助学资助，请核实后重新申报';
    await drawer.getByLabel('审批意见').fill(reason);
    await drawer.getByRole('button', { name: '驳回' }).click();
    await page.getByText(`已驳回：${ITEMS.application.split('：')[1]}`).waitFor();
    await review(ITEMS.application).waitFor({ state: 'detached' });
    const token = await devToken(url, REVIEWER.sub, ['reviewer'], ['ha']);
    const stored = await apiCall(
      url,
      token,
      'GET',
      `/grants/applications/${seeded.applicationId}`,
      undefined,
      200,
    );
    assert.deepEqual(
      [stored.status, stored.rejectionReason, stored.decidedBy],
      ['rejected', reason, REVIEWER.sub],
    );
  });

  void it('opens the claim: the bill and the quote band by band; approves it', async () => {
    await review(ITEMS.claim).click();
    const drawer = drawerOf(ITEMS.claim);
    await drawer.waitFor();
    await expectFigures(drawer, {
      医疗总费用: '62,000.00 元',
      基本医保支付: '21,000.00 元',
      个人自付: '41,000.00 元',
      起付线: '1,000.00 元',
      可报销金额: '40,000.00 元',
      年度封顶扣减: '0.00 元',
      应付互助金: '20,000.00 元',
    });
    // The quote is the approval's own, asked of the API as a dry run (the cap left now).
    await drawer.getByRole('heading', { name: '互助金测算（批准时）' }).waitFor();
    await drawer.getByText('正在按当前剩余封顶额测算').waitFor({ state: 'detached' });
    const bands = drawer.getByRole('table').filter({ hasText: '计算基数' });
    await bands.getByRole('row', { name: '0.00 至 50,000.00 元 50% 40,000.00 元 20,000.00 元' }).waitFor();
    await axeClean(page, '审批 · 医疗互助');
    await shot(page, 'approvals-claim');
    await drawer.getByRole('button', { name: '批准' }).click();
    await page.getByText(`已批准：${ITEMS.claim.split('：')[1]}`).waitFor();
    await review(ITEMS.claim).waitFor({ state: 'detached' });
    const token = await devToken(url, REVIEWER.sub, ['reviewer'], ['ha']);
    const stored = await apiCall(url, token, 'GET', `/medical-aid/claims/${seeded.claimId}`, undefined, 200);
    assert.deepEqual([stored.status, (stored.quote as Json).payoutFen], ['approved', 2_000_000]);
  });

  void it('opens the holiday batch: its totals and fund; rejects it with a reason', async () => {
    await review(batchItem()).click();
    const drawer = drawerOf(batchItem());
    await drawer.waitFor();
    const { includedCount, totalFen } = seeded.batch;
    await expectFigures(drawer, {
      慰问对象: '深度困难',
      慰问标准: '深度困难每户 500.00 元',
      纳入户数: `${includedCount} 户`,
      发放总额: wholeYuan(totalFen),
      未纳入户数: '0 户',
    });
    assert.equal(totalFen, includedCount * 50_000);
    await axeClean(page, '审批 · 送温暖');
    await shot(page, 'approvals-batch');
    await drawer.getByLabel('审批意见').fill('名单需与社区核对后重新编制');
    await drawer.getByRole('button', { name: '驳回' }).click();
    await page.getByText(`已驳回：${batchItem().split('：')[1]}`).waitFor();
    await review(batchItem()).waitFor({ state: 'detached' });
    // Decided, they leave the inbox; his own request stays out of it.
    await page.reload();
    await page.getByRole('heading', { name: '审批', level: 1 }).waitFor();
    await page.getByRole('region', { name: '待审批事项' }).getByRole('table').waitFor();
    await page.getByRole('region', { name: '帮扶救助', exact: true }).getByText(/^\d+$/).waitFor();
    for (const name of [ITEMS.assistance, ITEMS.own, ITEMS.application, ITEMS.claim, batchItem()]) {
      assert.equal(await review(name).count(), 0, name);
    }
  });

  void it('赵静 publishes a region’s policy through the form and sees each new version listed', async () => {
    const admin = await signedInPage(ADMIN);
    try {
      await admin.getByRole('heading', { name: '区域政策', level: 1 }).waitFor();
      assert.match(admin.url(), /\/admin\/policies$/);
      const defaults = admin.getByRole('region', { name: /默认政策/ });
      for (const text of ['900.00 元/人·月', '1.5 倍', '1,350.00 元', 'default-1'])
        await defaults.getByText(text).waitFor();

      const form = admin.getByRole('region', { name: '发布新版本' });
      await form.getByLabel('行政区划代码').fill(POLICY_REGION);
      await form.getByLabel('低保标准（元/人·月）').fill('950');
      await form.getByLabel('相对困难倍数（倍）').fill('1.5倍');
      await form.getByText('请输入倍数，例如 1.5，最多四位小数').waitFor();
      // Below 1: the service refuses it, and the message lands under the field.
      await form.getByLabel('相对困难倍数（倍）').fill('0.9');
      await form.getByRole('button', { name: '发布' }).click();
      await form.getByText('相对困难倍数填写有误，请核对').waitFor();
      await form.getByLabel('相对困难倍数（倍）').fill('1.5');
      await form.getByRole('button', { name: '发布' }).click();
      await admin.getByText(`已发布 ${POLICY_REGION} 的新政策版本 ${POLICY_REGION}-1`).waitFor();
      const regions = admin.getByRole('region', { name: /各地区政策/ });
      const row = regions
        .getByRole('row')
        .filter({ hasText: `${POLICY_REGION}-` })
        .first();
      await row.getByText(`${POLICY_REGION}-1`).waitFor();
      for (const text of ['950.00 元', '1.5 倍', '1,425.00 元', '1 个'])
        await row.getByText(text, { exact: true }).waitFor();

      // A second version, from the row's 调整 (the form filled with the version in force).
      await admin.getByRole('button', { name: `调整 ${POLICY_REGION} 的政策` }).click();
      assert.equal(await form.getByLabel('低保标准（元/人·月）').inputValue(), '950.00');
      assert.equal(await form.getByLabel('相对困难倍数（倍）').inputValue(), '1.5');
      await form.getByLabel('低保标准（元/人·月）').fill('980.5');
      await form.getByLabel('相对困难倍数（倍）').fill('1.35');
      await form.getByRole('button', { name: '发布' }).click();
      await admin.getByText(`已发布 ${POLICY_REGION} 的新政策版本 ${POLICY_REGION}-2`).waitFor();
      // floor(98,050 fen * 13,500 / 10,000) = 132,367 fen: rounded down, by the service.
      await row.getByText(`${POLICY_REGION}-2`).waitFor();
      for (const text of ['980.50 元', '1.35 倍', '1,323.67 元', '2 个'])
        await row.getByText(text, { exact: true }).waitFor();
      await row.getByRole('button', { name: '展开行' }).click();
      const history = admin.getByRole('region', { name: `${POLICY_REGION} 的历史版本` });
      await history
        .getByRole('row', { name: new RegExp(`^${POLICY_REGION}-2 980.50 元 1.35 倍 1,323.67 元`) })
        .waitFor();
      await history
        .getByRole('row', { name: new RegExp(`^${POLICY_REGION}-1 950.00 元 1.5 倍 1,425.00 元`) })
        .waitFor();
      await axeClean(admin, '区域政策');
      await shot(admin, 'admin-policies');
    } finally {
      await admin.context().close();
    }
  });
});
