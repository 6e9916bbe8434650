// `npm run test:console`: the console in a real Chromium (Debian's chromium) against the whole
// embedded platform, started here as `npm start` starts it (its own port and DATA_DIR). Each task
// is done as the caseworker does it, asserting what the screen shows; every main screen gets an
// axe scan (no serious or critical violation) and a screenshot in docs/screenshots/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

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
    bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
  );
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

void describe('the console (帮扶工作台) in Chromium against the embedded platform', () => {
  let platform: { child: ChildProcess; url: string };
  let dataDir: string;
  let browser: Browser;
  let page: Page;
  /** Gzipped bytes of JavaScript the browser fetched, by URL. */
  const scripts = new Map<string, number>();

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'console-e2e-'));
    platform = await startPlatform(await freePort(), dataDir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    page.on('response', (res) => {
      if (res.url().endsWith('.js')) {
        void res.headerValue('content-length').then((len) => scripts.set(res.url(), Number(len ?? 0)));
      }
    });
  });

  after(async () => {
    await browser?.close();
    platform?.child.kill('SIGTERM');
    await new Promise((r) => platform?.child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  });

  void it('signs in as the caseworker persona and lands on 工作台 with its counts, within the JS budget', async () => {
    await page.goto(`${platform.url}/`);
    await page.getByRole('heading', { name: '帮扶工作台 · 登录' }).waitFor();
    assert.match(page.url(), /\/login$/);
    await axeClean(page, '登录');
    await shot(page, 'login');
    scripts.clear();
    await page.getByRole('button', { name: '以帮扶干部（城西区工会）李敏身份登录' }).click();
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
    await page.getByRole('link', { name: /复核已逾期：\d+ 户/ }).waitFor();
    for (const name of [/复核已逾期：0 户/, /30天内到期复核：0 户/, /走访已逾期：0 户/, /待处理转介：0 件/]) {
      assert.equal(await page.getByRole('link', { name }).count(), 1, String(name));
    }
    await page.waitForLoadState('networkidle');
    const gzipKb = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
    process.stdout.write(`# 工作台 JavaScript: ${scripts.size} files, ${gzipKb.toFixed(1)} kB gzip\n`);
    assert.ok(gzipKb > 0 && gzipKb < 400, `工作台 loads ${gzipKb.toFixed(1)} kB of JS (gzip)`);
    assert.ok(await page.getByText('李敏（帮扶干部）').isVisible());
    await axeClean(page, '工作台');
    await shot(page, 'workbench');
  });

  void it('opens a case file: the identity number checked as typed, the tier shown before saving, then the file', async () => {
    await page.getByRole('menuitem', { name: '困难职工档案' }).click();
    await page.getByRole('heading', { name: '困难职工档案' }).waitFor();
    await page.getByRole('button', { name: '建档' }).click();
    await page.getByRole('heading', { name: '建档', exact: true }).waitFor();
    await page.getByLabel('姓名').fill('王建国');
    const id = page.getByLabel('身份证号码');
    await id.fill('110105194912310021');
    await page.getByText('校验位不符：最后一位应为 X，输入的是 1，请核对号码').waitFor();
    await id.fill('11010519491231002X');
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
    await page.getByText(/建档 · 经办人 cw-chengxi · 政策版本 default-1/).waitFor();
    await axeClean(page, '档案');
    await shot(page, 'case-file');
  });

  void it('lists the new case in 困难职工档案', async () => {
    await page.getByRole('menuitem', { name: '困难职工档案' }).click();
    await page.getByRole('link', { name: '王建国' }).waitFor();
    assert.ok(await page.getByText('共 1 户').isVisible());
    await axeClean(page, '档案列表');
    await shot(page, 'case-list');
  });
});
