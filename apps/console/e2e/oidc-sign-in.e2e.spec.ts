import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Kafka, logLevel } from 'kafkajs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { addDays, chinaToday, idNumberWithCheckChar } from '@union/kernel';
import { startCluster, type Cluster } from '@union/testing';
import type { IdpConfig } from './oidc/identity-provider';
import { spawnIdentityProvider, type RunningIdp } from './oidc/idp-process';

const ROOT = join(__dirname, '..', '..', '..');
const CLIENT_ID = 'union-console';
const API = 'urn:union:api';
const UNIT = 'oidc-e2e-jsq';
const CASEWORKER = { login: 'zhoujh', password: randomBytes(12).toString('base64url'), name: '周建华' };
const SEEDER = { clientId: 'union-seeder', clientSecret: randomBytes(32).toString('base64url') };
const WAIT_MS = 20_000;

/**
 * Production sign-in end to end (CONSOLE.md, "Sign-in"): the gateway and the four services as
 * separate processes on real PostgreSQL and the Kafka broker, trusting only a real OpenID
 * provider (the oidc-provider package, a process of its own) by its JWKS, issuer and audience.
 * In Chromium, the console the gateway serves: 统一身份认证登录, the provider's own sign-in and
 * consent pages, 工作台 as that caseworker with a case seeded through the API with a token of the
 * same provider, then sign-out, which ends the provider's session too. A token of another
 * provider is refused, and a refused consent or a forged answer is told in Chinese.
 */
describe('OpenID Connect sign-in to the console, on the production platform', () => {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  let idp: RunningIdp;
  let otherIdp: RunningIdp;
  let cluster: Cluster;
  let browser: Browser;
  let consoleUrl: string;

  const idpConfig: IdpConfig = {
    consoleClientId: CLIENT_ID,
    audience: API,
    accounts: {
      [CASEWORKER.login]: {
        password: CASEWORKER.password,
        name: CASEWORKER.name,
        roles: ['caseworker'],
        units: [UNIT],
      },
    },
    service: { ...SEEDER, name: '数据导入', roles: ['caseworker'], units: [UNIT] },
  };

  beforeAll(async () => {
    const admin = new Kafka({ clientId: 'e2e-oidc', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect().catch((error: unknown) => {
      throw new Error(
        `Kafka is not reachable at ${brokers.join(',')}: run npm run kafka:start (${String(error)})`,
      );
    });
    await admin.disconnect();
    // The production gateway serves the built console (CONSOLE_DIR's default, apps/console/dist).
    execFileSync(process.execPath, ['tools/console-build.js', '--if-stale', '--quiet'], { cwd: ROOT });
    // The same client, audience and accounts at two providers: the platform trusts only the first.
    [idp, otherIdp] = await Promise.all([spawnIdentityProvider(idpConfig), spawnIdentityProvider(idpConfig)]);
    cluster = await startCluster('oidc-sign-in', {
      identity: { jwksUrl: `${idp.issuer}/jwks`, issuer: idp.issuer, audience: API },
      gatewayEnv: { OIDC_CLIENT_ID: CLIENT_ID },
    });
    consoleUrl = cluster.gatewayUrl;
    await Promise.all([idp.registerConsole(consoleUrl), otherIdp.registerConsole(consoleUrl)]);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await cluster?.stop();
    await Promise.all([idp?.stop(), otherIdp?.stop()]);
  });

  /** A token the provider issues to the seeding client for itself (client credentials, for the API). */
  async function serviceToken(provider: RunningIdp): Promise<string> {
    const res = await fetch(`${provider.issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${SEEDER.clientId}:${SEEDER.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', resource: API }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  }

  const api = (token: string, path: string, body?: unknown) =>
    fetch(`${consoleUrl}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** A browser context that reaches only this machine (the provider's pages load nothing else). */
  async function newContext(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    context.setDefaultTimeout(WAIT_MS);
    await context.route('**/*', (route) =>
      ['127.0.0.1', 'localhost'].includes(new URL(route.request().url()).hostname)
        ? route.continue()
        : route.abort(),
    );
    return { context, page: await context.newPage() };
  }

  /** From the console's sign-in page through the provider's sign-in form, to its consent page. */
  async function signInAtProvider(page: Page): Promise<void> {
    await page.goto(`${consoleUrl}/`);
    await page.getByRole('heading', { name: '帮扶工作台 · 登录' }).waitFor();
    await page.getByRole('button', { name: '统一身份认证登录' }).click();
    await page.waitForURL((u) => u.origin === idp.issuer && u.pathname.startsWith('/interaction/'));
    await page.getByRole('heading', { name: '统一身份认证' }).waitFor();
    await page.getByLabel('账号').fill(CASEWORKER.login);
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').filter({ hasText: '账号或密码不正确' }).waitFor();
    await page.getByLabel('账号').fill(CASEWORKER.login);
    await page.getByLabel('密码').fill(CASEWORKER.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '授权确认' }).waitFor();
  }

  /** No serious or critical axe violation on the page as it is now. */
  async function expectAxeClean(page: Page): Promise<void> {
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
  }

  it('refuses a token of another identity provider and accepts one of the trusted provider', async () => {
    expect((await api(await serviceToken(idp), '/hardship/cases')).status).toBe(200);
    // Same client, same audience, same claims: only the issuer (and its keys) differ.
    const foreign = await api(await serviceToken(otherIdp), '/hardship/cases');
    expect(foreign.status).toBe(401);
    expect(await foreign.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const config = await (await fetch(`${consoleUrl}/api/v1/auth/config`)).json();
    expect(config).toEqual({
      devLogin: false,
      oidc: { issuer: idp.issuer, clientId: CLIENT_ID, scope: 'openid profile', audience: API },
    });
  });

  it('a caseworker signs in with 统一身份认证, works on 工作台 with data from the gateway, and signs out', async () => {
    const seeder = await serviceToken(idp);
    const person = '孙桂兰';
    const opened = await api(seeder, '/hardship/cases', {
      person: {
        idNumber: idNumberWithCheckChar(`11010519620401${String(Date.now()).slice(-3)}`),
        name: person,
      },
      unitId: UNIT,
      regionCode: '120101',
      household: { size: 2, monthlyIncomeFen: 200_000 },
      causes: ['illness'],
      channel: 'walk_in',
      consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
    });
    expect(opened.status).toBe(201);
    const { caseId } = (await opened.json()) as { caseId: string };
    const visited = await api(seeder, `/hardship/cases/${caseId}/visits`, {
      visitedOn: addDays(chinaToday(new Date()), -200),
      visitor: '数据导入',
      findings: '老两口，靠退休金维持。',
    });
    expect(visited.status).toBe(201);

    const { context, page } = await newContext();
    try {
      // The production sign-in page: the one way in, accessible, shown in the README's screenshots.
      await page.goto(`${consoleUrl}/login`);
      await page.getByRole('button', { name: '统一身份认证登录' }).waitFor();
      await expectAxeClean(page);
      await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'login-oidc.png'), fullPage: true });
      await signInAtProvider(page);
      await page.getByRole('button', { name: '同意授权' }).click();
      await page.waitForURL(`${consoleUrl}/workbench`);
      await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();
      await page.getByText(`${CASEWORKER.name}（帮扶干部）`).waitFor();
      await page.getByRole('link', { name: /^走访已逾期：1 户/ }).waitFor();
      await page.getByRole('region', { name: '走访已逾期' }).getByRole('link', { name: person }).waitFor();
      const claims = await page.evaluate(() => {
        const raw = (
          globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
        ).sessionStorage.getItem('union-console-session');
        const token = raw ? (JSON.parse(raw) as { token: string }).token : '';
        return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as Record<
          string,
          unknown
        >;
      });
      // The bearer is the provider's access token for the API, with the account's roles and units.
      expect(claims).toMatchObject({
        iss: idp.issuer,
        aud: API,
        sub: CASEWORKER.login,
        roles: ['caseworker'],
        units: [UNIT],
      });

      await page.getByRole('button', { name: '退出登录' }).click();
      await page.getByRole('heading', { name: '退出统一身份认证' }).waitFor();
      await page.getByRole('button', { name: '确认退出' }).click();
      await page.waitForURL((u) => u.origin === consoleUrl && u.pathname === '/login');
      await page.getByRole('button', { name: '统一身份认证登录' }).waitFor();
      // In production there are no development personas.
      expect(await page.getByRole('button', { name: /身份登录$/ }).count()).toBe(0);
      expect(
        await page.evaluate(() =>
          (
            globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
          ).sessionStorage.getItem('union-console-session'),
        ),
      ).toBeNull();
      // The provider's session ended too: signing in again asks for the password again.
      await page.getByRole('button', { name: '统一身份认证登录' }).click();
      await page.getByLabel('密码').waitFor();
    } finally {
      await context.close();
    }
  }, 180_000);

  it('tells the person in Chinese when they refuse consent, or when an answer is not one the console asked for', async () => {
    const { context, page } = await newContext();
    try {
      await signInAtProvider(page);
      await page.getByRole('button', { name: '拒绝' }).click();
      await page.waitForURL((u) => u.origin === consoleUrl && u.pathname === '/login');
      await page.getByText('您已拒绝授权，未能登录。如需使用工作台，请重新登录并同意授权。').waitFor();
      await expectAxeClean(page);
      // An answer this tab never asked for (a forged or replayed redirect) signs nobody in.
      await page.goto(
        `${consoleUrl}/auth/callback?code=forged&state=forged&iss=${encodeURIComponent(idp.issuer)}`,
      );
      await page
        .getByText('登录请求校验失败：未找到本次登录的发起记录（可能已在其他页面完成），请重新登录。')
        .waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
    } finally {
      await context.close();
    }
  }, 120_000);
});
