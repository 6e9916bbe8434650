// 金秋助学 (CONSOLE.md, caseworker task 6, and the admin's campaigns): the admin opens a campaign
// through its form; the caseworker sees a parent's eligibility as the number is typed, submits two
// applications (a student's second refused before saving), the board's bar shows what the two
// approvals reserved to the fen, one grant is paid, a hold appears with why when the parent's case
// closes, the held one is withdrawn; the admin closes the campaign. Approvals are the reviewer's
// inbox (another screen): here a reviewer approves through the API, as a seed step.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { addDays, chinaToday, idNumberWithCheckChar } from '@union/kernel';
import { PERSONAS, type Persona } from '../src/auth/personas';
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

const persona = (key: string): Persona => {
  const found = PERSONAS.find((p) => p.key === key);
  assert.ok(found, key);
  return found;
};
const CASEWORKER = persona('caseworker');
const ADMIN = persona('admin');
const UNIT = CASEWORKER.units[0];

// This module's own people (prefix 41010519790606 / 4101052…0606 07x: no other module uses it).
const PARENT = idNumberWithCheckChar('41010519790606071');
const NO_CASE_PARENT = idNumberWithCheckChar('41010519790606074');
const SENIOR = {
  idNumber: idNumberWithCheckChar('41010520090606072'),
  name: '王小红',
  school: '郑州市第一中学',
};
const UNDERGRADUATE = {
  idNumber: idNumberWithCheckChar('41010520060606073'),
  name: '王小刚',
  school: '郑州大学',
};

const TODAY = chinaToday(new Date());
const YEAR = Number(TODAY.slice(0, 4));
const CAMPAIGN = `${YEAR}年金秋助学·金水区专项`;
const PAYMENT_REF = 'ZZJS-2026-0001';
const WITHDRAWAL = '家长已解困，改由其他渠道资助';

void describe('金秋助学 in the console', () => {
  let url: string;
  let caseworkerToken: string;
  let reviewerToken: string;
  let admin: Page;
  let caseworker: Page;
  let campaignId: string;
  let caseId: string;

  const call = (token: string, method: string, path: string, body: unknown, expected: number) =>
    apiCall(url, token, method, path, body, expected);
  const applications = async (status?: string): Promise<Json[]> => {
    const q = `campaignId=${campaignId}${status ? `&status=${status}` : ''}`;
    return (await call(caseworkerToken, 'GET', `/grants/applications?${q}`, undefined, 200)).items as Json[];
  };
  const budgetTexts = (page: Page, region: string) => {
    const r = page.getByRole('region', { name: region });
    return async (...texts: string[]) => {
      for (const text of texts) await r.getByText(text, { exact: true }).waitFor();
    };
  };

  before(async () => {
    url = (await suite()).url;
    [caseworkerToken, reviewerToken] = await Promise.all([
      devToken(url, CASEWORKER.sub, ['caseworker'], [UNIT]),
      devToken(url, 'rv-grants-tasks', ['reviewer'], ['ha']),
    ]);
  });
  after(async () => {
    await admin?.context().close();
    await caseworker?.context().close();
  });

  void it('the admin opens a campaign through its form: a bad window is named under its field, then the campaign is listed', async () => {
    admin = await signedInPage(ADMIN);
    await openMenu(admin, '助学活动');
    await admin.getByRole('heading', { name: '助学活动', level: 1 }).waitFor();
    const form = admin.getByRole('region', { name: '新建助学活动' });
    await form.getByLabel('活动名称').fill(CAMPAIGN);
    await form.getByLabel('预算（元）').fill('9000');
    await form.getByLabel('受理开始日期').fill(TODAY);
    await form.getByLabel('受理截止日期').fill(addDays(TODAY, -1));
    await form.getByLabel('开学日期').fill(addDays(TODAY, 20));
    await form.getByLabel('高中资助标准（元）').fill('2000');
    await form.getByLabel('本科资助标准（元）').fill('5000');
    assert.equal(await form.getByLabel('深度困难').isChecked(), true);
    assert.equal(await form.getByLabel('相对困难').isChecked(), true);
    assert.equal(await form.getByLabel('意外致困').isChecked(), false);
    await form.getByRole('button', { name: '创建活动' }).click();
    // The API refuses a window that closes before it opens; the console names the field.
    await form.getByText('受理截止日期不能早于受理开始日期').waitFor();
    await form.getByLabel('受理截止日期').fill(addDays(TODAY, 30));
    await axeClean(admin, '助学活动（管理）');
    await shot(admin, 'grants-admin-campaigns');
    await form.getByRole('button', { name: '创建活动' }).click();
    await admin.getByText(`已创建助学活动“${CAMPAIGN}”`).waitFor();
    const row = admin
      .getByRole('region', { name: '全部助学活动' })
      .getByRole('row', { name: new RegExp(CAMPAIGN) });
    for (const text of [
      `${formatDate(TODAY)} 至 ${formatDate(addDays(TODAY, 30))}`,
      '高中 2,000.00 元、本科 5,000.00 元',
      '9,000.00 元',
      '进行中',
    ]) {
      await row.getByText(text, { exact: true }).first().waitFor();
    }

    const open = await call(
      caseworkerToken,
      'GET',
      `/grants/campaigns?status=open&year=${YEAR}`,
      undefined,
      200,
    );
    const mine = (open.items as Json[]).find((c) => c.name === CAMPAIGN);
    assert.ok(mine, 'the new campaign is listed by the API');
    assert.deepEqual(
      [mine.budgetFen, mine.amountsByLevelFen, mine.eligibleTiers, mine.closesOn],
      [900_000, { senior_high: 200_000, undergraduate: 500_000 }, ['deep', 'relative'], addDays(TODAY, 30)],
    );
    campaignId = String(mine.campaignId);
  });

  void it('the caseworker types a parent\u2019s number and sees the eligibility grants has learnt, then submits an application', async () => {
    // The parent's hardship case (建档) through the API; grants learns of it from hardship's events.
    const opened = await call(
      caseworkerToken,
      'POST',
      '/hardship/cases',
      {
        person: { idNumber: PARENT, name: '王建军' },
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
    assert.equal(opened.tier, 'deep');
    await eventually('grants learns of the parent\u2019s case', async () => {
      const e = await call(caseworkerToken, 'GET', `/grants/eligibility/${PARENT}`, undefined, 200);
      return e.hasOpenCase === true;
    });

    caseworker = await signedInPage(CASEWORKER);
    await openMenu(caseworker, '金秋助学');
    await caseworker.getByRole('heading', { name: '金秋助学', level: 1 }).waitFor();
    await caseworker
      .getByRole('region', { name: CAMPAIGN })
      .getByRole('button', { name: '申请助学' })
      .click();
    await caseworker.getByRole('heading', { name: '申请助学', level: 1 }).waitFor();
    const eligibility = caseworker.getByRole('region', { name: '家长困难职工档案' });
    const parent = caseworker.getByLabel('家长身份证号码');
    await parent.pressSequentially(NO_CASE_PARENT);
    await eligibility.getByText('未找到在档困难职工档案', { exact: true }).waitFor();
    await parent.fill('');
    await parent.pressSequentially(PARENT);
    await caseworker.getByText(`校验通过，出生日期 ${formatDate('1979-06-06')}`).waitFor();
    await eligibility.getByText('在档困难职工 · 深度困难', { exact: true }).waitFor();
    await fillStudent(caseworker, SENIOR, '高中');
    const preview = caseworker.getByRole('region', { name: '助学金额预览' });
    await preview.getByText('可申请助学金 2,000.00 元', { exact: true }).waitFor();
    await axeClean(caseworker, '申请助学');
    await shot(caseworker, 'grants-apply');
    await caseworker.getByRole('button', { name: '提交申请' }).click();
    await caseworker.getByRole('heading', { name: `${CAMPAIGN} · 申请名单` }).waitFor();
    await caseworker.getByRole('tab', { name: '待审批（1）', selected: true }).waitFor();
    const row = caseworker.getByRole('row', { name: new RegExp(SENIOR.name) });
    const consentRef = `豫工助授〔2026〕${SENIOR.idNumber.slice(-4)}号`;
    for (const text of ['高中', '2,000.00 元', '待审批', '等待审核人审批', SENIOR.school, consentRef]) {
      await row.getByText(text, { exact: true }).waitFor();
    }
  });

  void it('refuses a student\u2019s second application before saving, under the student\u2019s number, then submits the second child', async () => {
    await caseworker.getByRole('button', { name: '申请助学' }).click();
    await caseworker.getByRole('heading', { name: '申请助学', level: 1 }).waitFor();
    await caseworker.getByLabel('家长身份证号码').pressSequentially(PARENT);
    await caseworker
      .getByRole('region', { name: '家长困难职工档案' })
      .getByText('在档困难职工 · 深度困难', { exact: true })
      .waitFor();
    await fillStudent(caseworker, SENIOR, '高中');
    const duplicate = '该学生在本活动中已有申请（未驳回、未撤回），不能重复申请';
    const preview = caseworker.getByRole('region', { name: '助学金额预览' });
    await preview.getByText(duplicate, { exact: true }).waitFor();
    // The same sentence under the field it concerns, and no way to save.
    assert.equal(await caseworker.getByText(duplicate, { exact: true }).count(), 2);
    assert.equal(await caseworker.getByRole('button', { name: '提交申请' }).isDisabled(), true);

    await caseworker.getByLabel('学生身份证号码').fill(UNDERGRADUATE.idNumber);
    await caseworker.getByLabel('学生姓名').fill(UNDERGRADUATE.name);
    await chooseLevel(caseworker, '本科');
    await caseworker.getByLabel('学校').fill(UNDERGRADUATE.school);
    await preview.getByText('可申请助学金 5,000.00 元', { exact: true }).waitFor();
    // The amount showed with the first child's authorisation still in the form: the parent's.
    assert.equal(await caseworker.getByText(duplicate, { exact: true }).count(), 0);
    await caseworker.getByRole('button', { name: '提交申请' }).click();
    await caseworker.getByRole('tab', { name: '待审批（2）', selected: true }).waitFor();
    await caseworker
      .getByRole('row', { name: new RegExp(UNDERGRADUATE.name) })
      .getByText('5,000.00 元')
      .waitFor();
  });

  void it('after two approvals the board\u2019s bar shows reserved, disbursed and remaining to the fen', async () => {
    const submitted = await applications('submitted');
    assert.equal(submitted.length, 2);
    for (const a of submitted) {
      await call(reviewerToken, 'POST', `/grants/applications/${String(a.applicationId)}/approve`, {}, 200);
    }
    await openMenu(caseworker, '金秋助学');
    await caseworker.getByRole('heading', { name: '金秋助学', level: 1 }).waitFor();
    const board = budgetTexts(caseworker, CAMPAIGN);
    await board(
      '预算 9,000.00 元',
      '已发放 0.00 元（0.0%）',
      '已预留 7,000.00 元（77.7%）',
      '剩余 2,000.00 元（22.2%）',
    );
    await caseworker
      .getByRole('region', { name: CAMPAIGN })
      .getByRole('img', {
        name: '预算使用情况：预算 9,000.00 元，已发放 0.00 元（0.0%），已预留 7,000.00 元（77.7%），剩余 2,000.00 元（22.2%）',
      })
      .waitFor();
    await axeClean(caseworker, '金秋助学');
    await shot(caseworker, 'grants-board');
  });

  void it('disburses an approved grant with its payment reference and date; the bar moves it from reserved to disbursed', async () => {
    await caseworker
      .getByRole('region', { name: CAMPAIGN })
      .getByRole('button', { name: '查看申请名单' })
      .click();
    await caseworker.getByRole('heading', { name: `${CAMPAIGN} · 申请名单` }).waitFor();
    await caseworker.getByRole('tab', { name: '已批准待发放（2）' }).click();
    await caseworker.getByRole('button', { name: `发放（${UNDERGRADUATE.name}）` }).click();
    const dialog = caseworker.getByRole('dialog', { name: `发放助学金：${UNDERGRADUATE.name}` });
    await dialog.getByText('5,000.00 元', { exact: true }).waitFor();
    assert.equal(await dialog.getByLabel('发放日期').inputValue(), TODAY);
    await dialog.getByLabel('支付凭证号').fill(PAYMENT_REF);
    await axeClean(caseworker, '发放助学金');
    await dialog.getByRole('button', { name: '确认发放' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await caseworker.getByRole('tab', { name: '已批准待发放（1）' }).waitFor();
    await caseworker.getByRole('tab', { name: '已发放（1）' }).click();
    const row = caseworker.getByRole('row', { name: new RegExp(UNDERGRADUATE.name) });
    await row.getByText('已发放', { exact: true }).waitFor();
    await row.getByText(`${formatDate(TODAY)}发放，支付凭证号 ${PAYMENT_REF}`, { exact: true }).waitFor();
    assert.equal(
      await row.getByRole('button').count(),
      0,
      'a paid grant can be neither paid again nor withdrawn',
    );
    await budgetTexts(caseworker, '预算使用')(
      '已发放 5,000.00 元（55.5%）',
      '已预留 2,000.00 元（22.2%）',
      '剩余 2,000.00 元（22.2%）',
    );
    await axeClean(caseworker, '申请名单');
    await shot(caseworker, 'grants-applications');
  });

  void it('shows a hold and why when the parent\u2019s case closes; the held application is withdrawn with a reason and its reservation released', async () => {
    await call(
      caseworkerToken,
      'POST',
      `/hardship/cases/${caseId}/close`,
      { reason: 'out_of_hardship' },
      200,
    );
    await eventually('the approved application goes on hold', async () =>
      (await applications('on_hold')).some((a) => (a.student as Json).name === SENIOR.name),
    );
    await caseworker.reload();
    await caseworker.getByRole('tab', { name: '暂停发放（1）' }).click();
    const row = caseworker.getByRole('row', { name: new RegExp(SENIOR.name) });
    await row.getByText('暂停发放', { exact: true }).waitFor();
    await row
      .getByText('暂停原因：家长的困难职工档案已销档（暂停前为“已批准待发放”，档案恢复后自动恢复）', {
        exact: true,
      })
      .waitFor();
    assert.equal(await row.getByRole('button', { name: /发放/ }).count(), 0, 'a held grant cannot be paid');
    // A held approval keeps its reservation.
    await budgetTexts(caseworker, '预算使用')('已预留 2,000.00 元（22.2%）', '剩余 2,000.00 元（22.2%）');
    await axeClean(caseworker, '申请名单（暂停发放）');
    await shot(caseworker, 'grants-hold');

    await row.getByRole('button', { name: `撤回（${SENIOR.name}）` }).click();
    const dialog = caseworker.getByRole('dialog', { name: `撤回申请：${SENIOR.name}` });
    await dialog.getByRole('button', { name: '确认撤回' }).click();
    await dialog.getByText('请输入撤回理由').waitFor();
    await dialog.getByLabel('撤回理由').fill(WITHDRAWAL);
    await dialog.getByRole('button', { name: '确认撤回' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await caseworker.getByRole('tab', { name: '已撤回（1）' }).click();
    await caseworker
      .getByRole('row', { name: new RegExp(SENIOR.name) })
      .getByText(`撤回理由：${WITHDRAWAL}`, { exact: true })
      .waitFor();
    await budgetTexts(caseworker, '预算使用')(
      '已发放 5,000.00 元（55.5%）',
      '已预留 0.00 元（0.0%）',
      '剩余 4,000.00 元（44.4%）',
    );
  });

  void it('the admin closes the campaign; it takes no more applications', async () => {
    await admin.reload();
    const list = admin.getByRole('region', { name: '全部助学活动' });
    const row = list.getByRole('row', { name: new RegExp(CAMPAIGN) });
    await row.getByText('4,000.00 元', { exact: true }).waitFor();
    await row.getByRole('button', { name: `结束活动（${CAMPAIGN}）` }).click();
    await admin.getByRole('button', { name: '确定结束' }).click();
    await admin.getByText(`已结束助学活动“${CAMPAIGN}”`).waitFor();
    await row.getByText('已结束', { exact: true }).waitFor();
    assert.equal(await row.getByRole('button').count(), 0);
    const closed = await call(caseworkerToken, 'GET', `/grants/campaigns/${campaignId}`, undefined, 200);
    assert.equal(closed.status, 'closed');
  });
});

/** Types a student's number, name and school and picks the level, as the caseworker does. */
async function fillStudent(
  page: Page,
  student: { idNumber: string; name: string; school: string },
  level: string,
): Promise<void> {
  await page.getByLabel('学生身份证号码').pressSequentially(student.idNumber);
  await page.getByLabel('学生姓名').fill(student.name);
  await chooseLevel(page, level);
  await page.getByLabel('学校').fill(student.school);
  await page.getByLabel('授权书编号').fill(`豫工助授〔2026〕${student.idNumber.slice(-4)}号`);
  await page.getByLabel('签署日期').fill(TODAY);
}

/** Opens the 学段 list and clicks the level. */
async function chooseLevel(page: Page, level: string): Promise<void> {
  await page.getByLabel('学段').click();
  await page.locator(`.ant-select-item-option[title="${level}"]`).click();
}
