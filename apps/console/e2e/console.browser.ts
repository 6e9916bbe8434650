// `npm run test:console`: the console in a real Chromium (Debian's chromium) against the whole
// embedded platform, started here as `npm start` starts it (its own port and DATA_DIR). Each task
// is done as the caseworker does it, asserting what the screen shows; every main screen gets an
// axe scan (no serious or critical violation) and a screenshot in docs/screenshots/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PERSONAS } from '../src/auth/personas';
import { seedWorkbench, type Seeded } from './seed';

/** The caseworker persona the suite signs in as (a county of the seeded tree). */
const CASEWORKER = PERSONAS[0];

const ROOT = join(__dirname, '..', '..', '..');
const SHOTS = join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts the embedded platform as `npm start` does and resolves with the console URL its banner prints. */
function startPlatform(port: number, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/standalone/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, GATEWAY_PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the platform did not start in 90 s:\n${out}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Console\s+(http:\/\/\S+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the platform exited with ${code}:\n${out}`));
    });
  });
}

async function axeClean(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ` +
        v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('; '),
    ),
    [],
  );
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

const CONTEXT = { locale: 'zh-CN', viewport: { width: 1366, height: 900 } } as const;
/** Where the console keeps the signed-in session (apps/console/src/auth/session.ts). */
const SESSION_KEY = 'union-console-session';
/** The page's sessionStorage, typed here (no DOM types in this file); used inside page functions. */
type BrowserGlobal = {
  sessionStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
};

/**
 * The JavaScript a fresh load of `url` fetches (a new browser context: empty cache, the session
 * put in sessionStorage before the page runs): the sum of each script's gzip size, in bytes.
 */
async function freshLoadJs(
  browser: Browser,
  url: string,
  session: string,
  ready: (page: Page) => Promise<void>,
): Promise<{ files: number; gzipBytes: number }> {
  const context = await browser.newContext(CONTEXT);
  try {
    await context.addInitScript(
      ([key, value]) => (globalThis as unknown as BrowserGlobal).sessionStorage.setItem(key, value),
      [SESSION_KEY, session] as const,
    );
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    page.on('response', (res) => {
      const type = res.request().resourceType();
      if (type === 'script' || /\.m?js(\?|$)/.test(new URL(res.url()).pathname)) {
        sizes.push(res.body().then((b) => gzipSync(b).length));
      }
    });
    await page.goto(url);
    await ready(page);
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    return { files: all.length, gzipBytes: all.reduce((a, b) => a + b, 0) };
  } finally {
    await context.close();
  }
}

void describe('the console (帮扶工作台) in Chromium against the embedded platform', () => {
  let platform: { child: ChildProcess; url: string };
  let dataDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let seeded: Seeded;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'console-e2e-'));
    [platform, browser] = await Promise.all([
      freePort().then((port) => startPlatform(port, dataDir)),
      chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] }),
    ]);
    seeded = await seedWorkbench(platform.url, CASEWORKER.sub, CASEWORKER.units[0]);
    context = await browser.newContext(CONTEXT);
    // Every wait has 15 s: a screen that has not shown what it should by then will not.
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
  });

  after(async () => {
    await browser?.close();
    platform?.child.kill('SIGTERM');
    await new Promise((r) => platform?.child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  });

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
    const js = await freshLoadJs(browser, `${platform.url}/workbench`, session, workbenchReady);
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
