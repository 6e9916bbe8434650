// 日志校验 when someone has altered the log (CONSOLE.md, auditor 4): a platform of its own (the
// embedded default, started in this process so the test holds each service's own database
// connection), where a row of the hardship log is changed with SQL, and the newest events of the
// grants log are deleted after the service's sealer has sealed them. The auditor's verify screen
// must name the exact position, stream, version and reason, and link to the event.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { addDays, chinaToday, idNumberWithCheckChar } from '@union/kernel';
// The platform is started in this process (not as `npm start`'s child) so the test can reach each
// service's own PGlite database and alter its log, as an intruder with database access would.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../standalone/src/embedded-platform';
import { persona } from './audit-story';
import { apiCall, axeClean, CONTEXT, devToken, eventually, shot, suite, WAIT_MS, type Json } from './harness';

const AUDITOR = persona('auditor');

void describe('日志校验: an altered log is caught at the exact position', () => {
  let platform: EmbeddedPlatform;
  let page: Page;
  let caseId: string;

  before(async () => {
    // The shared platform and browser first: two platforms starting at once in one process would
    // slow both.
    await suite();
    platform = await startEmbeddedPlatform({
      gatewayPort: 0,
      seedOrganisation: true,
      // The services seal their logs every half second here (30 s by default), so a test need not wait.
      env: { ...process.env, LOG_LEVEL: 'error', SEAL_INTERVAL_MS: '500' },
    });
    const url = platform.gatewayUrl;
    const cw = await devToken(url, 'cw-audit-2', ['caseworker'], ['ha-zz-zyq']);
    const opened = await apiCall(
      url,
      cw,
      'POST',
      '/hardship/cases',
      {
        person: { idNumber: idNumberWithCheckChar('41018419660314051'), name: '孔德顺' },
        unitId: 'ha-zz-zyq',
        regionCode: '410184',
        household: { size: 2, monthlyIncomeFen: 160_000 },
        causes: ['disability'],
        channel: 'walk_in',
        consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
      },
      201,
    );
    caseId = String(opened.caseId);
    await apiCall(
      url,
      cw,
      'POST',
      `/hardship/cases/${caseId}/visits`,
      { visitedOn: chinaToday(new Date()), visitor: '李敏', findings: '行动不便，需定期走访。' },
      201,
    );
    page = await signIn(url);
  });
  after(async () => {
    await page?.context().close();
    await platform?.stop();
  });

  /** The verify screen's card of a service, run once; answers the card. */
  async function verifyCard(service: string) {
    const card = page.getByRole('region', { name: service, exact: true });
    await card.getByRole('button', { name: '开始校验' }).click();
    await card.locator('[role="status"] .ant-alert, [role="alert"] .ant-alert').first().waitFor();
    return card;
  }

  void it('passes an untouched log, keeps its newest seal as an anchor, and passes again with it pasted', async () => {
    await page.getByRole('navigation', { name: '审计导航' }).getByRole('link', { name: '日志校验' }).click();
    await page.getByRole('heading', { name: '日志校验', level: 1 }).waitFor();
    const dataSource = platform.services['hardship-cases'].infra.dataSource;
    const [{ last }] = await dataSource.query<{ last: string }[]>(
      `SELECT max(global_position) AS last FROM events`,
    );
    await eventually('the hardship log sealed', async () => {
      const [{ up }] = await dataSource.query<{ up: string | null }[]>(
        `SELECT max(up_to_position) AS up FROM seals`,
      );
      return Number(up) >= Number(last);
    });
    let card = await verifyCard('困难职工帮扶');
    await card.getByText(new RegExp(`^校验通过：${last} 条事件、\\d+ 个封存均未被改动或删除$`)).waitFor();
    const anchor = await card
      .locator('code')
      .filter({ hasText: /^\d+:[0-9a-f]{64}$/ })
      .innerText();
    await card.getByLabel('封存锚点（可选）').fill('12:not-a-hash');
    await card.getByText('锚点应为“封存编号:64位十六进制哈希”，请从以前的校验报告中原样粘贴').waitFor();
    assert.equal(await card.getByRole('button', { name: '开始校验' }).isDisabled(), true);
    await card.getByLabel('封存锚点（可选）').fill(anchor);
    card = await verifyCard('困难职工帮扶');
    await card.getByText(/均未被改动或删除，与粘贴的锚点相符$/).waitFor();
    await card.getByText('封存列表').click();
    await card
      .getByRole('table', { name: '困难职工帮扶的封存' })
      .locator('tbody tr.ant-table-row')
      .first()
      .waitFor();
    await axeClean(page, '日志校验');
    await shot(page, 'audit-verify');
  });

  void it('names an event altered in the hardship database: its position, record, version and why, linked', async () => {
    const dataSource = platform.services['hardship-cases'].infra.dataSource;
    // What an insider with database access would do: switch the append-only guard off, edit a row.
    await dataSource.query(`ALTER TABLE events DISABLE TRIGGER USER`);
    const [{ global_position: position }] = await dataSource.query<{ global_position: string }[]>(
      `SELECT global_position FROM events WHERE stream_id = $1 AND version = 1`,
      [`case-${caseId}`],
    );
    await dataSource.query(
      `UPDATE events SET data = jsonb_set(data, '{household,monthlyIncomeFen}', '60000') WHERE global_position = $1`,
      [position],
    );
    await dataSource.query(`ALTER TABLE events ENABLE TRIGGER USER`);
    await page
      .getByRole('region', { name: '困难职工帮扶', exact: true })
      .getByLabel('封存锚点（可选）')
      .fill('');
    const card = await verifyCard('困难职工帮扶');
    const alert = card.getByRole('alert');
    await alert.getByText('校验未通过：日志被改动过').waitFor();
    const found = await alert.locator('.ant-descriptions').first().innerText();
    assert.match(found, new RegExp(`日志位置\\s+${position}\\s`));
    assert.match(found, new RegExp(`记录\\s+case-${caseId}\\s`));
    assert.match(found, /版本\s+第 1 版/);
    assert.match(
      found,
      /原因\s+事件内容与其哈希不符：该事件被改动过（hash does not match the event content \(altered\)）/,
    );
    await axeClean(page, '日志校验（发现篡改）');
    await shot(page, 'audit-verify-altered');
    await alert.getByRole('link', { name: `case-${caseId}` }).click();
    await page.getByRole('heading', { name: '困难职工档案的历史', level: 1 }).waitFor();
    assert.ok(page.url().endsWith(`/audit/records/hardship-cases/case-${caseId}?version=1`), page.url());
    await page.locator('[data-version="1"]').waitFor();
  });

  void it('names the newest grants events deleted after they were sealed: the seal and its position', async () => {
    const url = platform.gatewayUrl;
    const admin = await devToken(url, 'admin-audit-2', ['admin'], ['*']);
    const today = chinaToday(new Date());
    for (const name of ['审计演示助学活动甲', '审计演示助学活动乙']) {
      await apiCall(
        url,
        admin,
        'POST',
        '/grants/campaigns',
        {
          year: Number(today.slice(0, 4)),
          name,
          budgetFen: 10_000_000,
          opensOn: today,
          closesOn: addDays(today, 20),
          schoolStartOn: addDays(today, 30),
          amountsByLevelFen: { primary: 100_000 },
        },
        201,
      );
    }
    const dataSource = platform.services['education-grants'].infra.dataSource;
    const [{ last }] = await dataSource.query<{ last: string }[]>(
      `SELECT max(global_position) AS last FROM events`,
    );
    // The service's own sealer (every 500 ms here) seals them: the seal is what will catch the deletion.
    await eventually('the grants log sealed', async () => {
      const seals = await apiCall(url, admin, 'GET', '/audit/education-grants/seals', undefined, 200);
      return (seals.items as Json[]).some((s) => Number(s.upToPosition) >= Number(last));
    });
    const [{ newest }] = await dataSource.query<{ newest: string }[]>(
      `SELECT min(global_position) AS newest FROM events WHERE stream_id = (SELECT stream_id FROM events WHERE global_position = $1)`,
      [last],
    );
    await dataSource.query(`ALTER TABLE events DISABLE TRIGGER USER`);
    await dataSource.query(`DELETE FROM events WHERE global_position >= $1`, [newest]);
    await dataSource.query(`ALTER TABLE events ENABLE TRIGGER USER`);

    await page.getByRole('navigation', { name: '审计导航' }).getByRole('link', { name: '日志校验' }).click();
    const card = await verifyCard('金秋助学');
    const alert = card.getByRole('alert');
    await alert.getByText('校验未通过：日志被改动过').waitFor();
    const seal = await alert.locator('.ant-descriptions').filter({ hasText: '封存不符' }).innerText();
    assert.match(seal, new RegExp(`日志位置\\s+${last}\\s`));
    assert.match(seal, new RegExp(`原因\\s+封存时位于位置 ${last} 的事件已不存在：最新的事件被删除`));
    // Nothing in the chain itself is broken: only the seal knows the newest events existed.
    assert.equal(await alert.getByText('第一个断点').count(), 0);
    await shot(page, 'audit-verify-deleted');
  });
});

/** Signs in as the auditor on `url` the way a person does: the sign-in page, the persona's button. */
async function signIn(url: string): Promise<Page> {
  const { browser } = await suite();
  const context = await browser.newContext(CONTEXT);
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByRole('button', { name: `以${AUDITOR.title}${AUDITOR.name}身份登录` }).click();
  await page.getByRole('heading', { name: '审计', exact: true, level: 1 }).waitFor();
  return page;
}
