// 工作台 and 困难职工档案's first tasks (CONSOLE.md, caseworker 1-2): signing in as the caseworker
// persona, the worklist counts, opening a case with the tier preview, the list.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { chinaToday } from '@union/kernel';
import { PERSONAS } from '../src/auth/personas';
import {
  axeClean,
  CONTEXT,
  freshLoadJs,
  SESSION_KEY,
  shot,
  suite,
  WAIT_MS,
  type BrowserGlobal,
  type Suite,
} from './harness';
import { seedWorkbench, type Seeded } from './seed';

/** The caseworker persona these tasks sign in as (a county of the seeded tree). */
const CASEWORKER = PERSONAS[0];

void describe('the console (帮扶工作台) in Chromium against the embedded platform', () => {
  let platform: Suite;
  let page: Page;
  let seeded: Seeded;

  before(async () => {
    platform = await suite();
    seeded = await seedWorkbench(platform.url, CASEWORKER.sub, CASEWORKER.units[0]);
    const context = await platform.browser.newContext(CONTEXT);
    context.setDefaultTimeout(WAIT_MS);
    page = await context.newPage();
  });

  after(() => page?.context().close());

  const workbenchReady = (p: Page) => p.getByRole('link', { name: /走访已逾期：1 户/ }).waitFor();

  void it('signs in as the caseworker persona and lands on 工作台 with its counts; a fresh load stays within the JS budget', async () => {
    await page.goto(`${platform.url}/`);
    await page.getByRole('heading', { name: '帮扶工作台 · 登录' }).waitFor();
    assert.match(page.url(), /\/login$/);
    await axeClean(page, '登录');
    await shot(page, 'login');
    await page.getByRole('button', { name: `以${CASEWORKER.title}${CASEWORKER.name}身份登录` }).click();
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    assert.match(page.url(), /\/workbench$/);
    await workbenchReady(page);
    // The seed made one case whose last visit is 200 days old and one referral from medical aid;
    // no case is due for review (a case is reviewed 12 months after opening).
    for (const name of ['复核已逾期：0 户', '30天内到期复核：0 户', '走访已逾期：1 户', '待处理转介：1 件']) {
      assert.equal(await page.getByRole('link', { name: new RegExp(`^${name}`) }).count(), 1, name);
    }
    await page
      .getByRole('region', { name: '走访已逾期' })
      .getByRole('link', { name: seeded.visitOverdueName })
      .waitFor();
    await page.getByRole('region', { name: '待处理转介' }).getByText(seeded.referralMemberName).waitFor();
    assert.ok(await page.getByText('李敏（帮扶干部）').isVisible());
    await axeClean(page, '工作台');
    await shot(page, 'workbench');

    const session = await page.evaluate(
      (key) => (globalThis as unknown as BrowserGlobal).sessionStorage.getItem(key),
      SESSION_KEY,
    );
    assert.ok(session, 'the session is in sessionStorage after sign-in');
    const js = await freshLoadJs(platform.browser, `${platform.url}/workbench`, session, workbenchReady);
    const kb = js.gzipBytes / 1024;
    process.stdout.write(`# 工作台 fresh load: ${js.files} JavaScript files, ${kb.toFixed(1)} kB gzip\n`);
    assert.ok(js.files > 0 && kb < 400, `a fresh load of 工作台 fetches ${kb.toFixed(1)} kB of JS (gzip)`);
  });

  void it('opens a case file: the identity number checked as typed, the tier shown before saving, then the file', async () => {
    await page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('menuitem', { name: '困难职工档案' })
      .click();
    await page.getByRole('heading', { name: '困难职工档案' }).waitFor();
    await page.getByRole('button', { name: '建档' }).click();
    await page.getByRole('heading', { name: '建档', exact: true }).waitFor();
    await page.getByLabel('姓名').fill('王建国');
    const id = page.getByLabel('身份证号码');
    await id.pressSequentially('110105194912310021');
    await page.getByText('校验位不符：最后一位应为 X，输入的是 1，请核对号码').waitFor();
    await id.press('Backspace');
    await id.press('X');
    await page.getByText('校验通过，出生日期 1949年12月31日').waitFor();
    await page.getByLabel('家庭人口（人）').fill('3');
    await page.getByLabel('家庭月收入（元）').fill('2250');
    await page.getByLabel('因病').check();
    const preview = page.getByRole('region', { name: '认定结果预览' });
    await preview.getByText('认定结果：深度困难').waitFor();
    assert.equal(
      await preview
        .getByText('家庭人均月收入 750.00 元，不高于低保标准 900.00 元（政策版本 default-1）')
        .count(),
      1,
    );
    await axeClean(page, '建档');
    await shot(page, 'open-case');
    // Above every line: the dry run says by how much, and saving stays off.
    await page.getByLabel('家庭月收入（元）').fill('6000');
    await preview
      .getByText(
        '不符合困难职工认定条件：家庭人均月收入 2,000.00 元，高于相对困难标准 1,350.00 元（高出 650.00 元）',
      )
      .waitFor();
    assert.equal(await page.getByRole('button', { name: '保存建档' }).isDisabled(), true);
    await page.getByLabel('家庭月收入（元）').fill('2250');
    await preview.getByText('认定结果：深度困难').waitFor();
    // The tier showed without the worker's authorisation (a dry run needs none); saving needs it.
    await page.getByRole('button', { name: '保存建档' }).click();
    await page.getByText('请输入授权书编号').waitFor();
    await page.getByText('请选择授权书的签署日期').waitFor();
    assert.equal(await page.getByRole('heading', { name: /王建国 的困难职工档案/ }).count(), 0);
    await page.getByLabel('授权书编号').fill('京工帮授〔2026〕0021号');
    await page.getByLabel('签署日期').fill(chinaToday(new Date()));
    await preview.getByText('认定结果：深度困难').waitFor();
    await page.getByRole('button', { name: '保存建档' }).click();
    await page.getByRole('heading', { name: /王建国 的困难职工档案/ }).waitFor();
    assert.match(page.url(), /\/cases\/[0-9a-f-]{36}$/);
    for (const text of [
      '110105********002X',
      '750.00 元',
      '2,250.00 元',
      '深度困难',
      'default-1',
      '尚未走访',
      '尚未结对',
      '京工帮授〔2026〕0021号',
    ]) {
      assert.ok((await page.getByText(text, { exact: false }).count()) > 0, text);
    }
    await page.getByText(new RegExp(`建档 · 经办人 ${CASEWORKER.sub} · 政策版本 default-1`)).waitFor();
    await axeClean(page, '档案详情');
    await shot(page, 'case-file');
  });

  void it('lists the new case in 困难职工档案', async () => {
    await page
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('menuitem', { name: '困难职工档案' })
      .click();
    await page.getByRole('link', { name: '王建国' }).waitFor();
    await page.getByRole('link', { name: seeded.visitOverdueName }).waitFor();
    assert.ok(await page.getByText('共 2 户').isVisible());
    await axeClean(page, '档案列表');
    await shot(page, 'case-list');
  });
});
