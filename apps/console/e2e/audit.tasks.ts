// 审计 (CONSOLE.md, auditor 1-7): 陈刚, auditor of every unit, follows a family through a referral
// story (claim paid → hardship risk → referral → case opened → grant paid) on the person's
// timeline and the trace; replays the case file to a version and sees that version's tier and
// amounts; opens "as decided" on the claim's approval; exports the evidence; reads the access log;
// 赵静 (admin) runs rebuild-and-compare. The verify tasks (audit-verify.tasks.ts) alter a service's
// database directly and see the break at its exact position.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { axeClean, openMenu, shot, signedInPage, suite, type Suite } from './harness';
import { makeStory, persona, STORY, type Story } from './audit-story';
// The tasks on an altered log run on a platform of their own, after these (one module in the suite).
import './audit-verify.tasks';

/** An instant as `YYYY-MM-DD HH:mm:ss` in China time, as the date-time picker takes it. */
const chinaDateTime = (at: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(at);

/** Picks `option` in the antd select labelled `label`, as a person does: open it, click the option. */
async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .click();
}

const AUDITOR = persona('auditor');
const ADMIN = persona('admin');

void describe('审计: the auditor follows a family and checks the record', () => {
  let platform: Suite;
  let story: Story;
  let page: Page;

  before(async () => {
    platform = await suite();
    story = await makeStory(platform.url);
    page = await signedInPage(AUDITOR);
  });
  after(() => page?.context().close());

  void it('lands on 审计 and finds the family on the person timeline, filtered by programme and year', async () => {
    await page.getByRole('heading', { name: '审计', exact: true, level: 1 }).waitFor();
    assert.match(page.url(), /\/audit$/);
    await axeClean(page, '审计首页');
    await shot(page, 'audit-home');
    await page
      .getByRole('navigation', { name: '审计导航' })
      .getByRole('link', { name: '人员时间线' })
      .click();
    await page.getByRole('heading', { name: '人员时间线', level: 1 }).waitFor();
    await page.getByLabel('身份证号码').fill(STORY.parentIdNumber);
    await page.getByText('校验通过，出生日期 1978年6月1日').waitFor();
    await page.getByRole('button', { name: '查询时间线' }).click();
    const timeline = page.getByRole('region', { name: /的时间线/ });
    await timeline.getByRole('heading', { name: /^410184\*+031\S 的时间线/ }).waitFor();
    const rows = timeline.getByRole('table', { name: '时间线' }).locator('tbody tr.ant-table-row');
    const ofType = (label: string) =>
      rows.filter({ has: page.locator('td:nth-child(3)', { hasText: new RegExp(`^${label}$`) }) });
    // What the family received, who decided, under which policy, each linked to its record.
    const paid = ofType('支付互助金');
    await paid.first().waitFor();
    assert.match(await paid.first().innerText(), /职工医疗互助[\s\S]*互助金 [\d,]+\.\d{2} 元[\s\S]*cw-audit/);
    const approved = ofType('互助金申请审批通过');
    assert.match(await approved.innerText(), /rv-audit[\s\S]*period-/);
    const opened = ofType('建档');
    assert.match(await opened.innerText(), /困难类型 相对困难[\s\S]*cw-audit[\s\S]*410184-1/);
    const grant = ofType('发放助学金');
    assert.match(await grant.innerText(), /金秋助学[\s\S]*金额 5,000\.00 元[\s\S]*cw-audit/);
    await axeClean(page, '人员时间线');
    await shot(page, 'audit-timeline');

    // Only medical aid, then only another year: the rows follow the filters.
    await chooseOption(page, '业务', '职工医疗互助');
    await ofType('发放助学金').waitFor({ state: 'detached' });
    const services = await rows.locator('td:nth-child(2)').allInnerTexts();
    assert.ok(services.length > 0 && services.every((s) => s === '职工医疗互助'), services.join(','));
    await chooseOption(page, '年度', `${new Date().getFullYear()}年`);
    assert.ok((await rows.count()) > 0);
    await chooseOption(page, '业务', '全部业务');
    await ofType('发放助学金').waitFor();
  });

  void it('replays the case file: the slider shows each version with its tier and amounts, changes marked', async () => {
    const timeline = page.getByRole('region', { name: /的时间线/ });
    await timeline.getByRole('link', { name: '困难职工档案 第 1 版' }).click();
    await page.getByRole('heading', { name: '困难职工档案的历史', level: 1 }).waitFor();
    assert.ok(page.url().includes(`case-${story.caseId}`));
    const record = page.getByRole('region', { name: '该版本的记录' });
    const settledAt = async (version: number) => {
      try {
        await page.locator(`[data-version="${version}"]`).waitFor();
      } catch (error) {
        const now = await page.getByRole('slider', { name: '版本' }).getAttribute('aria-valuenow');
        throw new Error(`version ${version} not shown (slider at ${now}): ${await record.innerText()}`, {
          cause: error,
        });
      }
      return record.innerText();
    };
    let text = await settledAt(1);
    assert.match(text, /困难类型\s+相对困难/);
    assert.match(text, /家庭月收入\s+3,900\.00 元/);
    assert.match(text, /记录的第一版/);

    // Drag the slider to its far end (the newest version), then step back with the keyboard.
    const slider = page.getByRole('slider', { name: '版本' });
    const latest = Number(await slider.getAttribute('aria-valuemax'));
    assert.ok(latest >= 4, `the case has ${latest} versions`);
    await slider.scrollIntoViewIfNeeded();
    const rail = await page.locator('.ant-slider-rail').boundingBox();
    const handle = await slider.boundingBox();
    assert.ok(rail && handle);
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(
        handle.x + ((rail.x + rail.width + 10 - handle.x) * i) / 10,
        rail.y + rail.height / 2,
      );
    }
    await page.mouse.up();
    text = await settledAt(latest);
    assert.match(text, /困难类型\s+深度困难/);
    // The reassessment's version: the tier and the income changed from the version before.
    let version = latest;
    while (!/已变更\s*深度困难/.test(text) && version > 1) {
      await slider.focus();
      await page.keyboard.press('ArrowLeft');
      version -= 1;
      text = await settledAt(version);
    }
    assert.match(text, /困难类型\s+已变更\s*深度困难\s*（原为 相对困难）/);
    // The reassessment set the income and the tier in one event: both marked at its version.
    assert.match(text, /家庭月收入\s+已变更\s*2,400\.00 元\s*（原为 3,900\.00 元）/);
    assert.match(text, /致困原因\s+已变更\s*因病、因失业\s*（原为 因病）/);
    await page
      .getByRole('region', { name: /回放：记录在第 \d+ 版时的样子/ })
      .getByText('复核', { exact: true })
      .waitFor();
    await page.waitForURL((u) => u.search === `?version=${version}`);
    await axeClean(page, '记录历史');
    await shot(page, 'audit-record-history');

    // Replayed to an instant instead: a minute from now is the newest version; before it existed, nothing.
    const instant = page.getByLabel('按时间回放（北京时间）');
    await instant.fill(chinaDateTime(new Date(Date.now() + 60_000)));
    await instant.press('Enter');
    await page.getByRole('button', { name: '回放到该时间' }).click();
    await page.getByText(new RegExp(`时记录为第 ${latest} 版$`)).waitFor();
    await settledAt(latest);
    await instant.fill('2020-01-01 08:00:00');
    await instant.press('Enter');
    await page.getByRole('button', { name: '回放到该时间' }).click();
    await page.getByText('该时间之前记录尚未建立').waitFor();
  });

  void it('exports the evidence as JSON with every hash, and shows the offline check command', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载证据（JSON）' }).click();
    const download = await downloading;
    assert.equal(download.suggestedFilename(), `hardship-cases-case-${story.caseId}.json`);
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      events: { version: number; hash: string; prevHash: string | null }[];
      exportedBy: string;
    };
    assert.equal(file.exportedBy, AUDITOR.sub);
    assert.equal(file.events[0].prevHash, null);
    assert.equal(file.events[1].prevHash, file.events[0].hash);
    await page.getByText(`npm run audit -- check-export hardship-cases-case-${story.caseId}.json`).waitFor();
  });

  void it('follows the story on the trace: claim paid → hardship risk → referral → case opened, drawn as a flow', async () => {
    await page.getByRole('button', { name: '回放到第 1 版' }).click();
    await page.locator('[data-version="1"]').waitFor();
    await page
      .getByRole('region', { name: /回放：/ })
      .locator('a[href^="/audit/trace/"]')
      .click();
    await page.getByRole('heading', { name: '因果追溯', level: 1 }).waitFor();
    const flow = page.getByRole('region', { name: /因果链：/ });
    await flow.getByRole('heading', { name: /涉及 2 个业务系统/ }).waitFor();
    const steps = await Promise.all(
      (await flow.getByRole('link').all()).map(async (l) => (await l.getAttribute('aria-label')) ?? ''),
    );
    const order = [
      '职工医疗互助 支付互助金',
      '职工医疗互助 发现致困风险',
      '困难职工帮扶 收到转介',
      '困难职工帮扶 建档',
    ];
    const at = order.map((o) => steps.findIndex((s) => s.includes(o)));
    assert.ok(
      at.every((i) => i >= 0),
      steps.join(' | '),
    );
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
      steps.join(' | '),
    );
    // Each step after the first was caused by an event of the chain (an arrow drawn to it).
    assert.ok((await flow.locator('svg path[marker-end]').count()) >= order.length - 1);
    const table = page.getByRole('table', { name: '追溯的事件' });
    await table.getByText('收到转介').waitFor();
    await axeClean(page, '因果追溯');
    await shot(page, 'audit-trace');
  });

  void it('opens "as decided" on the claim approval: the claim as the reviewer saw it and the period rules then', async () => {
    await page.goto(`${platform.url}/audit/records/medical-aid/claim-${story.claimId}`);
    await page.getByRole('heading', { name: '互助金申请的历史', level: 1 }).waitFor();
    await page.getByRole('link', { name: /第 \d+ 版互助金申请审批通过的当时决定/ }).click();
    await page.getByRole('heading', { name: '当时决定：互助金申请审批通过', level: 1 }).waitFor();
    const decision = page.getByRole('region', { name: '决定', exact: true });
    assert.match(await decision.innerText(), /决定人\s+rv-audit/);
    const seen = page.getByRole('region', { name: /决定时看到的记录/ });
    assert.match(await seen.innerText(), /状态\s+已提交/);
    assert.match(await seen.innerText(), /医疗总费用\s+300,000\.00 元/);
    const afterIt = page.getByRole('region', { name: /决定之后的记录/ });
    assert.match(await afterIt.innerText(), /状态\s+已变更\s*已批准\s*（原为 已提交）/);
    const policy = page.getByRole('region', { name: '当时适用的政策' });
    assert.match(await policy.innerText(), /互助期次规则/);
    assert.match(await policy.innerText(), /起付线\s+1,000\.00 元/);
    assert.match(await policy.innerText(), new RegExp(`period-${story.periodId}-1`));
    await axeClean(page, '当时决定');
    await shot(page, 'audit-as-decided');
  });

  void it('reads the access log: its own reads of the family, filtered by reader', async () => {
    await page.getByRole('navigation', { name: '审计导航' }).getByRole('link', { name: '访问日志' }).click();
    await page.getByRole('heading', { name: '访问日志', level: 1 }).waitFor();
    await page.getByLabel('查看人').fill(AUDITOR.sub);
    await page.getByLabel('查看的记录或人员标识').fill(`case-${story.caseId}`);
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    const table = page.getByRole('table', { name: '访问记录' });
    await table.getByText(`/api/v1/audit/streams/case-${story.caseId}/export`).first().waitFor();
    const actors = await table.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
    assert.ok(actors.length > 0 && actors.every((a) => a === AUDITOR.sub), actors.join(','));
    await axeClean(page, '访问日志');
    await shot(page, 'audit-access-log');
  });

  void it('prints a report with its own print styles: no menu, no controls, who printed it', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await page.locator('.ant-layout-sider').isVisible(), false);
      assert.equal(await page.getByRole('navigation', { name: '审计导航' }).isVisible(), false);
      await page.getByText(/打印人：陈刚（au-henan）/).waitFor();
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 10_000);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  void it('rebuild-and-compare, run by the admin: every read model equal to the one rebuilt from the log', async () => {
    const admin = await signedInPage(ADMIN);
    try {
      await openMenu(admin, '重建核对');
      await admin.getByRole('heading', { name: '重建核对', level: 1 }).waitFor();
      const card = admin.getByRole('region', { name: '困难职工帮扶' });
      await card.getByRole('button', { name: '重建并核对' }).click();
      await card
        .getByText(/^一致：从 \d+ 条事件重建的数据与在用的数据完全相同$/)
        .waitFor({ timeout: 60_000 });
      assert.ok((await card.getByRole('table').locator('tbody tr').count()) > 0);
      await axeClean(admin, '重建核对');
      await shot(admin, 'audit-rebuild');
    } finally {
      await admin.context().close();
    }
  });
});
