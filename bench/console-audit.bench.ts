// `npm run bench:console-audit`: the auditor's console (issue 17) against its budgets.
//  1. A case file with 1,000 events (embedded platform, made through the API): the record-history
//     screen's first load in Chromium, then each step of the replay slider (the keyboard's arrow,
//     as a drag moves it one version) until the version's state is on screen: ≤ 100 ms a step.
//  2. The streamed verify against the CLI's paged verify on the same log: a hardship service on
//     a fresh database of the local PostgreSQL with BENCH_CONSOLE_AUDIT_EVENTS (default 1,000,000)
//     correctly hashed and sealed events, behind a gateway. The largest silence between two lines
//     of the stream (≤ 1 s), the same in the verify screen's progress (Chromium), and the total
//     time of each beside `npm run audit -- verify` (≤ 1.5×).
//   BENCH_CONSOLE_AUDIT_EVENTS=100000 for a quick run; BENCH_HISTORY_EVENTS changes part 1's size.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createDatabase, dropDatabase } from '@union/event-store/testing';
import { EMBEDDED_MASTER_KEY, sealLog } from '@union/event-store';
import { createGatewayApp, loadGatewaySettings } from '@union/gateway';
import { HardshipCasesModule, hardshipCasesService } from '@union/hardship-cases/service';
import { idNumberWithCheckChar } from '@union/kernel';
import { InProcessBus } from '@union/messaging';
import {
  generateAssertionKeys,
  signDevToken,
  ASSERTION_PRIVATE_KEY_VAR,
  ASSERTION_PUBLIC_KEY_VAR,
} from '@union/platform';
import {
  createServiceApp,
  EMBEDDED_DEV_SECRETS,
  loadServiceSettings,
  openServiceInfra,
} from '@union/runtime';
import { startEmbeddedPlatform } from '../apps/standalone/src/embedded-platform';
import { main as auditCli } from '../tools/audit';
import { loadHashedLog } from './audit-log-load';
import { call } from './bench-http';
import { writeBenchmarkSection } from './benchmarks-md';
import { quantile } from './quantile';

const HISTORY_EVENTS = Number(process.env.BENCH_HISTORY_EVENTS ?? 1_000);
const LOG_EVENTS = Number(process.env.BENCH_CONSOLE_AUDIT_EVENTS ?? 1_000_000);
const STEPS = 60;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CONTEXT = { locale: 'zh-CN', viewport: { width: 1366, height: 900 } } as const;

const token = (sub: string, roles: ('caseworker' | 'auditor' | 'admin')[], units: string[]) =>
  signDevToken(EMBEDDED_DEV_SECRETS.jwtSecret, { sub, roles, units }, 6 * 3600);

/** Signs in as 陈刚 (auditor) on the dev sign-in page of `url`, as a person does. */
async function auditorPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext(CONTEXT);
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.getByRole('button', { name: '以审计（河南省总工会）陈刚身份登录' }).click();
  await page.getByRole('heading', { name: '审计', exact: true, level: 1 }).waitFor();
  return page;
}

/** The page's globals a bench function uses (no DOM types here). */
type BrowserWindow = {
  changes: number[];
  document: { body: unknown };
  MutationObserver: new (cb: () => void) => { observe(target: unknown, options: unknown): void };
};

/** What the slider's step timer uses in the page. */
type StepWindow = {
  stepTimes: [number, number][];
  document: { querySelector(selector: string): { getAttribute(name: string): string | null } };
  addEventListener(type: 'keydown', cb: (e: { timeStamp: number }) => void, options: unknown): void;
  requestAnimationFrame(cb: () => void): void;
  setTimeout(cb: () => void): void;
  MutationObserver: new (cb: () => void) => { observe(target: unknown, options: unknown): void };
};

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * BENCH_PROFILE=1: the page's CPU profile over the slider's steps, as the 25 functions with the
 * most self time (where a step's time goes, for whoever tunes the screen).
 */
const PROFILE = process.env.BENCH_PROFILE === '1';

async function startProfile(page: Page): Promise<{ stop(): Promise<string> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      const interval = (profile.endTime - profile.startTime) / 1000 / (profile.samples?.length ?? 1);
      const self = new Map<number, number>();
      for (const id of profile.samples ?? []) self.set(id, (self.get(id) ?? 0) + 1);
      const byName = new Map<string, number>();
      for (const node of profile.nodes) {
        const f = node.callFrame;
        const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
        byName.set(name, (byName.get(name) ?? 0) + (self.get(node.id) ?? 0) * interval);
      }
      const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25);
      return `profile of ${STEPS} steps (self ms):\n${top.map(([n, ms]) => `  ${ms.toFixed(1)} ${n}`).join('\n')}\n`;
    },
  };
}

/** Part 1: a case file of HISTORY_EVENTS events in the record-history screen. */
async function historyScreen(browser: Browser) {
  const platform = await startEmbeddedPlatform({
    gatewayPort: 0,
    seedOrganisation: true,
    // The file is made through the API faster than one caseworker's 600 requests a minute: the
    // bench measures the screens, not the gateway's limiter.
    env: { ...process.env, LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '1000000' },
  });
  try {
    const base = `${platform.gatewayUrl}/api/v1/hardship`;
    const cw = await token('cw-bench', ['caseworker'], ['ha-zz-jsq']);
    const opened = await call(`${base}/cases`, cw, 'POST', {
      person: { idNumber: idNumberWithCheckChar('41018419700101077'), name: '白玉兰' },
      unitId: 'ha-zz-jsq',
      regionCode: '410105',
      household: { size: 3, monthlyIncomeFen: 300_000 },
      causes: ['illness'],
      channel: 'walk_in',
      consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
    });
    const caseId = String(opened.caseId);
    const streamId = `case-${caseId}`;
    const store = platform.services['hardship-cases'].infra.store;
    const seedStarted = performance.now();
    // Home visits, and every 20th a reassessment whose income moves the tier: a real file's mix.
    for (let n = 1; (await store.version(undefined, streamId)) < HISTORY_EVENTS; n++) {
      if (n % 20 === 0) {
        const income = n % 40 === 0 ? 240_000 : 390_000;
        await call(`${base}/cases/${caseId}/reassessments`, cw, 'POST', {
          household: { size: 3, monthlyIncomeFen: income },
        });
      } else {
        await call(`${base}/cases/${caseId}/visits`, cw, 'POST', {
          visitedOn: '2026-03-02',
          visitor: '李敏',
          findings: `第 ${n} 次走访。`,
        });
      }
    }
    const events = await store.version(undefined, streamId);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const page = await auditorPage(browser, platform.gatewayUrl);
    const loadStarted = performance.now();
    await page.goto(`${platform.gatewayUrl}/audit/records/hardship-cases/${streamId}?version=${events}`);
    await page.locator(`[data-version="${events}"]`).waitFor();
    await page.getByRole('table', { name: '全部事件' }).locator('tbody tr').first().waitFor();
    const firstLoadMs = performance.now() - loadStarted;

    const slider = page.getByRole('slider', { name: '版本' });
    await slider.focus();
    // Each step timed by the page's own clock, from the key's event (when the browser received it)
    // to the frame after the version's state is on screen: the screen's time, not the time the
    // bench's messages to the browser take on a loaded machine.
    await page.evaluate(() => {
      const w = globalThis as unknown as StepWindow;
      const region = w.document.querySelector('[aria-label="该版本的记录"]');
      w.stepTimes = [];
      let pressedAt = 0;
      w.addEventListener('keydown', (e) => (pressedAt = e.timeStamp), { capture: true });
      new w.MutationObserver(() => {
        const at = region.getAttribute('data-version');
        if (at === null || pressedAt === 0) return;
        const since = pressedAt;
        pressedAt = 0;
        w.requestAnimationFrame(() =>
          w.setTimeout(() => w.stepTimes.push([Number(at), performance.now() - since])),
        );
      }).observe(region, { attributes: true, attributeFilter: ['data-version'] });
    });
    const steps: number[] = [];
    const profiler = PROFILE ? await startProfile(page) : undefined;
    for (let i = 1; i <= STEPS; i++) {
      const v = events - i;
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(
        (n) => (globalThis as unknown as StepWindow).stepTimes.some(([at]) => at === n),
        v,
        { polling: 10 },
      );
    }
    if (profiler) process.stdout.write(await profiler.stop());
    const stepTimes = await page.evaluate(() => (globalThis as unknown as StepWindow).stepTimes);
    for (let i = 1; i <= STEPS; i++) {
      const found = stepTimes.find(([at]) => at === events - i);
      if (!found) throw new Error(`no time for the step to version ${events - i}`);
      steps.push(found[1]);
    }
    // Far jumps (Home, End): versions not fetched ahead, a fold of the whole file on the server.
    const jumps: number[] = [];
    for (const [key, v] of [
      ['Home', 1],
      ['End', events],
      ['Home', 1],
      ['End', events],
    ] as const) {
      const t0 = performance.now();
      await page.keyboard.press(key);
      await page.locator(`[data-version="${v}"]`).waitFor();
      jumps.push(performance.now() - t0);
    }
    await page.context().close();
    const sorted = [...steps].sort((a, b) => a - b);
    return {
      events,
      seedSeconds: round(seedSeconds),
      firstLoadMs: Math.round(firstLoadMs),
      steps: STEPS,
      stepMs: {
        p50: round(quantile(sorted, 0.5)),
        p95: round(quantile(sorted, 0.95)),
        max: round(sorted[sorted.length - 1]),
      },
      stepsOver100ms: steps.filter((s) => s > 100).length,
      /** The slowest steps: which (1 = the first press) and how long. */
      slowest: steps
        .map((ms, i) => ({ step: i + 1, ms: round(ms) }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5),
      farJumpMs: jumps.map(Math.round),
    };
  } finally {
    await platform.stop();
  }
}

/** Part 2: the streamed verify beside the CLI's, on one log of LOG_EVENTS events on PostgreSQL. */
async function verifyOnPostgres(browser: Browser) {
  const url = await createDatabase('bench_console_audit');
  const keys = generateAssertionKeys();
  const env = {
    ...process.env,
    LOG_LEVEL: 'error',
    SEAL_INTERVAL_MS: '3600000',
    [ASSERTION_PRIVATE_KEY_VAR]: keys.privateKey,
    [ASSERTION_PUBLIC_KEY_VAR]: keys.publicKey,
  };
  const infra = await openServiceInfra(
    hardshipCasesService,
    { kind: 'postgres', url, poolMax: 10 },
    { kind: 'in-process', bus: new InProcessBus() },
    EMBEDDED_MASTER_KEY,
  );
  let closers: (() => Promise<unknown>)[] = [() => infra.close()];
  try {
    const loadStarted = performance.now();
    const events = await loadHashedLog(infra.dataSource, LOG_EVENTS, 10);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    await sealLog(infra.dataSource);
    // The relay has nothing to publish in these streams: start it past them, as after a long run.
    await infra.dataSource.query(
      `INSERT INTO checkpoints (subscription, transaction_id, global_position, updated_at)
       SELECT 'relay:hardship.cases.v1', transaction_id, global_position, now() FROM events
       ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    );
    const settings = loadServiceSettings('hardship-cases', env, true);
    const app = await createServiceApp(HardshipCasesModule.register(infra, settings), infra, {
      logLevel: 'error',
    });
    await app.listen(0, '127.0.0.1');
    const serviceUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const upstreams = {
      HARDSHIP_CASES_URL: serviceUrl,
      EDUCATION_GRANTS_URL: serviceUrl,
      MEDICAL_AID_URL: serviceUrl,
      ORGANISATION_URL: serviceUrl,
    };
    // A page of the CLI's verify (250,000 positions) may take longer than the gateway's default
    // 10 s for one upstream answer on a loaded machine: the bench measures the verify, not that.
    const gateway = await createGatewayApp(
      loadGatewaySettings({ ...env, ...upstreams, UPSTREAM_TIMEOUT_MS: '600000' }, true),
    );
    await gateway.listen(0, '127.0.0.1');
    const gatewayUrl = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
    closers = [() => gateway.close(), () => app.close(), ...closers];
    const auditor = await token('au-bench', ['auditor'], ['*']);

    // The CLI, as `npm run audit -- verify hardship-cases` runs it (pages of 250,000 positions).
    const cliErr: number[] = [];
    let cliLastLine = '';
    const cliStarted = performance.now();
    const code = await auditCli(['verify', 'hardship-cases', '--json'], {
      out: () => undefined,
      err: (line: string) => {
        cliErr.push(performance.now());
        cliLastLine = line;
      },
      env: { AUDIT_GATEWAY_URL: gatewayUrl, AUDIT_TOKEN: auditor },
      isTty: false,
    });
    const cliSeconds = (performance.now() - cliStarted) / 1000;
    if (code !== 0) throw new Error(`the CLI's verify exited ${code}: ${cliLastLine}`);

    // The streamed verify, read line by line as it arrives.
    const streamStarted = performance.now();
    const res = await fetch(`${gatewayUrl}/api/v1/audit/hardship-cases/verify/stream`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    const arrivals: number[] = [];
    /** When the number checked moved (a line repeating the last count is alive, not progress). */
    const advances: { at: number; checked: number }[] = [];
    let result: { valid?: boolean; checked?: number } = {};
    let pending = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      pending += decoder.decode(chunk, { stream: true });
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
        const line = JSON.parse(pending.slice(0, nl)) as { type: string; valid?: boolean; checked?: number };
        pending = pending.slice(nl + 1);
        arrivals.push(performance.now());
        if (line.type === 'result') result = line;
        const checked = line.type === 'started' ? -1 : (line.checked ?? 0);
        if (advances.length === 0 || advances[advances.length - 1].checked !== checked)
          advances.push({ at: performance.now(), checked });
      }
    }
    const streamSeconds = (performance.now() - streamStarted) / 1000;
    if (!result.valid || result.checked !== events)
      throw new Error(`streamed verify: ${JSON.stringify(result)}`);
    const gaps = arrivals.map((t, i) => t - (i === 0 ? streamStarted : arrivals[i - 1]));
    const advanceGaps = advances.map((a, i) => ({
      ms: a.at - (i === 0 ? streamStarted : advances[i - 1].at),
      after: i === 0 ? 'the request' : `${advances[i - 1].checked} checked`,
    }));
    const widest = advanceGaps.reduce((a, b) => (b.ms > a.ms ? b : a));

    // The verify screen in Chromium: how often its progress text changes, and when the result shows.
    const page = await auditorPage(browser, gatewayUrl);
    await page.goto(`${gatewayUrl}/audit/verify`);
    const card = page.getByRole('region', { name: '困难职工帮扶', exact: true });
    await page.evaluate(() => {
      const w = globalThis as unknown as BrowserWindow;
      w.changes = [];
      new w.MutationObserver(() => w.changes.push(performance.now())).observe(w.document.body, {
        subtree: true,
        characterData: true,
        childList: true,
      });
    });
    const clicked = await page.evaluate(() => performance.now());
    await card.getByRole('button', { name: '开始校验' }).click();
    await card.getByText(/^校验通过：/).waitFor({ timeout: 600_000 });
    const shownAt = await page.evaluate(() => performance.now());
    const changes = await page.evaluate(() => (globalThis as unknown as BrowserWindow).changes);
    await page.context().close();
    const during = changes.filter((t) => t >= clicked && t <= shownAt);
    const screenGaps = during.map((t, i) => t - (i === 0 ? clicked : during[i - 1]));
    const screenSeconds = (shownAt - clicked) / 1000;

    return {
      events,
      loadSeconds: round(loadSeconds),
      cli: { seconds: round(cliSeconds), progressLines: cliErr.length },
      stream: {
        seconds: round(streamSeconds),
        lines: arrivals.length,
        maxGapMs: Math.round(Math.max(...gaps)),
        maxAdvanceGapMs: Math.round(widest.ms),
        widestAdvanceGapAfter: widest.after,
        ratioToCli: round(streamSeconds / cliSeconds),
      },
      screen: {
        seconds: round(screenSeconds),
        maxGapMs: Math.round(Math.max(...screenGaps, 0)),
        ratioToCli: round(screenSeconds / cliSeconds),
      },
    };
  } finally {
    for (const close of closers) await close();
    await dropDatabase(url);
  }
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    if (process.env.BENCH_PART === 'verify') {
      // The verify part alone (while tuning it): its figures printed, none written.
      return void process.stdout.write(`verify: ${JSON.stringify(await verifyOnPostgres(browser))}\n`);
    }
    const history = await historyScreen(browser);
    process.stdout.write(`history: ${JSON.stringify(history)}\n`);
    if (PROFILE) return; // a profiling run: no figures written
    const verify = await verifyOnPostgres(browser);
    process.stdout.write(`verify: ${JSON.stringify(verify)}\n`);
    const machine = `${cpus().length} cores shared with other work, load average ${loadavg()[0].toFixed(1)} at the end; local PostgreSQL`;
    const result = { at: new Date().toISOString(), machine, history, verify };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/console-audit.json', `${JSON.stringify(result, null, 2)}\n`);
    const ok = (pass: boolean) => (pass ? 'within' : '**over**');
    const body = [
      `${machine}.`,
      '',
      `**Replay slider** (record history of a case file with ${history.events} events, made through the API in ${history.seedSeconds} s; Chromium, embedded platform): first load ${history.firstLoadMs} ms; ${history.steps} steps of one version (arrow key; timed in the page from the key's event to the frame after the version's state shows): p50 ${history.stepMs.p50} ms, p95 ${history.stepMs.p95} ms, max ${history.stepMs.max} ms (${history.stepsOver100ms} over 100 ms: ${ok(history.stepsOver100ms === 0)} the 100 ms budget). Jumps to the first or last version (not fetched ahead, a fold of the whole file on the server): ${history.farJumpMs.join(', ')} ms.`,
      '',
      `**Streamed verify** of ${verify.events} events (hardship service on PostgreSQL behind the gateway; loaded and sealed in ${verify.loadSeconds} s):`,
      '',
      '| run | seconds | vs CLI | largest silence between progress updates |',
      '|---|---|---|---|',
      `| \`npm run audit -- verify\` (pages of 250,000) | ${verify.cli.seconds} | 1.0 | one line per page (${verify.cli.progressLines} lines) |`,
      `| \`GET …/verify/stream\` (NDJSON, ${verify.stream.lines} lines) | ${verify.stream.seconds} | ${verify.stream.ratioToCli} (${ok(verify.stream.ratioToCli <= 1.5)} 1.5) | ${verify.stream.maxGapMs} ms between lines; ${verify.stream.maxAdvanceGapMs} ms between counts that moved, after ${verify.stream.widestAdvanceGapAfter} (${ok(verify.stream.maxAdvanceGapMs <= 1000)} 1 s) |`,
      `| the verify screen in Chromium | ${verify.screen.seconds} | ${verify.screen.ratioToCli} (${ok(verify.screen.ratioToCli <= 1.5)} 1.5) | ${verify.screen.maxGapMs} ms (${ok(verify.screen.maxGapMs <= 1000)} 1 s) |`,
    ].join('\n');
    writeBenchmarkSection('console-audit', 'npm run bench:console-audit', body);
    process.stdout.write(`${body}\n`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
