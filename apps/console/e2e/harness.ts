// The console suite's one harness: the whole embedded platform started once (as `npm start`
// starts it, on its own port and DATA_DIR) and one Chromium (Debian's), shared by every task
// module that console.browser.ts imports (or one module run alone: `node -r ./tools/register.js
// apps/console/e2e/<module>.tasks.ts`); signing in as a persona the way a person does; the API
// called as any client would, for the data a task needs before it starts; the axe scan and the
// screenshots. A task module only imports from here.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Persona } from '../src/auth/personas';

export const ROOT = join(__dirname, '..', '..', '..');
export const SHOTS = join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Reduced motion: the console then draws without animations, so a screen is scanned and read as it
// stands, not half-way through a drawer's or a message's transition.
export const CONTEXT = {
  locale: 'zh-CN',
  viewport: { width: 1366, height: 900 },
  reducedMotion: 'reduce',
} as const;
/** Where the console keeps the signed-in session (apps/console/src/auth/session.ts). */
export const SESSION_KEY = 'union-console-session';
/** Every wait has 15 s: a screen that has not shown what it should by then will not. */
export const WAIT_MS = 15_000;
/** The page's sessionStorage, typed here (no DOM types in this file); used inside page functions. */
export type BrowserGlobal = {
  sessionStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
};

export function freePort(): Promise<number> {
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
export function startPlatform(
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
  startMs = 180_000,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-r', './tools/register.js', 'apps/standalone/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, GATEWAY_PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    // A platform that has not printed its banner in time is stopped, so the run ends instead of hanging.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the platform did not start in ${startMs / 1000} s:\n${out}`));
    }, startMs);
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

export interface Suite {
  /** The console's URL, e.g. http://127.0.0.1:41234 (the API is under /api/v1). */
  readonly url: string;
  readonly browser: Browser;
}

let shared: Promise<Suite> | undefined;
let stop: (() => Promise<void>) | undefined;

/** The platform and browser every task module shares, started on first use. */
export function suite(): Promise<Suite> {
  shared ??= (async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'console-e2e-'));
    const [started, launched] = await Promise.allSettled([
      freePort().then((port) => startPlatform(port, dataDir)),
      chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] }),
    ]);
    if (started.status === 'rejected' || launched.status === 'rejected') {
      // Whichever did start is stopped: a failed start must end the run, not leave it waiting.
      if (launched.status === 'fulfilled') await launched.value.close();
      if (started.status === 'fulfilled') started.value.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason;
    }
    const [platform, browser] = [started.value, launched.value];
    await treeKnownEverywhere(platform.url);
    stop = async () => {
      await browser.close();
      platform.child.kill('SIGTERM');
      await new Promise((r) => platform.child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    };
    return { url: platform.url, browser };
  })();
  return shared;
}

// Whatever file runs first (console.browser.ts, or one task module alone), what suite() started
// stops after its last test.
after(() => stop?.());

/**
 * A new browser context signed in as `persona` the way a person does it: the sign-in page, the
 * persona's button, and the screen the console lands them on.
 */
export async function signedInPage(persona: Persona): Promise<Page> {
  const { url, browser } = await suite();
  const context = await browser.newContext(CONTEXT);
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByRole('button', { name: `以${persona.title}${persona.name}身份登录` }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

/**
 * The stored session of `persona` signed in on the dev sign-in page of `url` as a person does, for
 * a bench to put in each fresh context's sessionStorage (every load then starts signed in).
 */
export async function sessionOf(browser: Browser, url: string, persona: Persona): Promise<string> {
  const context = await browser.newContext(CONTEXT);
  try {
    const page = await context.newPage();
    await page.goto(`${url}/login`);
    await page.getByRole('button', { name: `以${persona.title}${persona.name}身份登录` }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const session = await page.evaluate(
      (key) => (globalThis as unknown as BrowserGlobal).sessionStorage.getItem(key),
      SESSION_KEY,
    );
    if (!session) throw new Error('no session after sign-in');
    return session;
  } finally {
    await context.close();
  }
}

/** Clicks an entry of the side menu (a group's entry opens the group first when it is closed). */
export async function openMenu(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: label }).click();
}

/** No serious or critical axe violation on the screen as it is now. */
export async function axeClean(page: Page, screen: string): Promise<void> {
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

/** A full-page screenshot in docs/screenshots/<name>.png (the README shows them). */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/**
 * The JavaScript a fresh load of `url` fetches (a new browser context: empty cache, the session
 * put in sessionStorage before the page runs): the sum of each script's gzip size, in bytes.
 */
export async function freshLoadJs(
  browser: Browser,
  url: string,
  session: string,
  ready: (page: Page) => Promise<void>,
): Promise<{ files: number; gzipBytes: number; cssGzipBytes: number }> {
  const context = await browser.newContext(CONTEXT);
  try {
    await context.addInitScript(
      ([key, value]) => (globalThis as unknown as BrowserGlobal).sessionStorage.setItem(key, value),
      [SESSION_KEY, session] as const,
    );
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    const css: Promise<number>[] = [];
    page.on('response', (res) => {
      const type = res.request().resourceType();
      const path = new URL(res.url()).pathname;
      if (type === 'script' || /\.m?js$/.test(path)) sizes.push(res.body().then((b) => gzipSync(b).length));
      else if (type === 'stylesheet' || path.endsWith('.css')) css.push(res.body().then((b) => gzipSync(b).length));
    });
    await page.goto(url);
    await ready(page);
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return { files: all.length, gzipBytes: sum(all), cssGzipBytes: sum(await Promise.all(css)) };
  } finally {
    await context.close();
  }
}

export type Json = Record<string, unknown>;

/** A development token (embedded default) for seeding through the API. */
export async function devToken(
  baseUrl: string,
  sub: string,
  roles: string[],
  units: string[],
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub, name: sub, roles, units }),
  });
  assert.equal(res.status, 200, `dev-token for ${sub}`);
  return ((await res.json()) as { token: string }).token;
}

/** One API call as any client makes it; asserts the status and answers the JSON body. */
export async function apiCall(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body: unknown,
  expected: number,
): Promise<Json> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const answer = (text ? JSON.parse(text) : {}) as Json;
  assert.equal(res.status, expected, `${method} ${path}: ${text}`);
  return answer;
}

/** Polls `probe` every 200 ms until it answers true (events cross services asynchronously). */
export async function eventually(what: string, probe: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    assert.ok(Date.now() < deadline, `${what}: not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The embedded default seeds the union's tree at first start, and each service learns it from
 * the tree's events a moment later: until then a caseworker of a county may not act for its
 * grass-roots unions. Waits until every programme answers a province token for a seeded
 * grass-roots node, so a module's seeding starts on a platform as a person would find it.
 */
async function treeKnownEverywhere(url: string): Promise<void> {
  const token = await devToken(url, 'harness-tree', ['caseworker'], ['ha']);
  const probes = [
    '/hardship/cases?unitId=ha-ly-xgq-bh',
    '/grants/applications?unitId=ha-ly-xgq-bh',
    '/medical-aid/claims?unitId=ha-ly-xgq-bh',
  ];
  await eventually(
    'the seeded tree in every service',
    async () => {
      const answers = await Promise.all(
        probes.map((p) => fetch(`${url}/api/v1${p}`, { headers: { authorization: `Bearer ${token}` } })),
      );
      return answers.every((a) => a.status === 200);
    },
    60_000,
  );
}
