import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import request from 'supertest';
import type { App } from 'supertest/types';
import { generateAssertionKeys } from '@union/platform';
import { loadGatewaySettings } from './gateway.settings';
import { bearer, startGateway, startStub, type StubService, type TestGateway } from './gateway-test.fixture';

/** A port nothing listens on: connecting to it is refused. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const ready = (status: 'ok' | 'degraded' = 'ok') => ({
  status: 200,
  body: { status, checks: { database: { ok: true }, broker: { ok: status === 'ok' } } },
});
const notReady = { status: 503, body: { code: 'SERVICE_UNAVAILABLE', checks: { database: { ok: false } } } };

/** Issue 14: several replicas of a service behind the gateway (`<SERVICE>_URL` lists them). */
describe('gateway routing over replicas', () => {
  let first: StubService;
  let second: StubService;
  let gw: TestGateway;
  let server: App;
  let auth: string;

  beforeAll(async () => {
    [first, second] = await Promise.all([startStub('hardship-1'), startStub('hardship-2')]);
    const dead = `http://127.0.0.1:${await closedPort()}`;
    gw = await startGateway({
      UPSTREAM_TIMEOUT_MS: '300',
      HARDSHIP_CASES_URL: `${first.url},${dead},${second.url}`,
    });
    server = gw.app.getHttpServer() as App;
    auth = await bearer(['caseworker']);
  });
  afterAll(async () => {
    await gw?.close();
    await Promise.all([first?.close(), second?.close()]);
  });
  beforeEach(() => {
    first.received.length = 0;
    second.received.length = 0;
    for (const s of [first, second]) s.reply = () => ({ status: 201, body: { ok: true } });
  });

  const post = (n: number) =>
    request(server)
      .post('/api/v1/hardship/cases')
      .set('Authorization', auth)
      .set('Idempotency-Key', `k-${n}-${Date.now()}`)
      .send({ n });

  it('spreads calls over the live replicas and sends a refused call on, each POST reaching one replica once', async () => {
    for (let n = 0; n < 12; n++) expect((await post(n)).status).toBe(201);
    const bodies = [...first.received, ...second.received].map(
      (r) => (JSON.parse(r.body) as { n: number }).n,
    );
    expect(bodies.sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    expect(first.received.length).toBeGreaterThanOrEqual(4);
    expect(second.received.length).toBeGreaterThanOrEqual(4);
    const metrics = (await request(server).get('/metrics')).text;
    expect(metrics).not.toMatch(/gateway_upstream_failures_total\{service="hardship-cases"/);
  });

  it('does not retry a write that reached a replica and timed out: 503 OUTCOME_UNKNOWN (it may have committed), and the other replica never sees it', async () => {
    first.reply = () => ({ status: 201, body: { ok: true }, delayMs: 1_000 });
    second.reply = () => ({ status: 201, body: { ok: true }, delayMs: 1_000 });
    const res = await post(99);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'OUTCOME_UNKNOWN', service: 'hardship-cases' });
    expect(res.body.detail).toMatch(/same Idempotency-Key/);
    expect(first.received.length + second.received.length).toBe(1);
  });

  it('answers a read that timed out with a plain 503 SERVICE_UNAVAILABLE (a read changes nothing)', async () => {
    first.reply = () => ({ status: 200, body: { ok: true }, delayMs: 1_000 });
    second.reply = () => ({ status: 200, body: { ok: true }, delayMs: 1_000 });
    const res = await request(server).get('/api/v1/hardship/cases').set('Authorization', auth);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'hardship-cases' });
  });

  it('is ready and degraded while a replica is down, naming it by position', async () => {
    for (const s of [first, second, gw.grants, gw.medical, gw.organisation]) s.reply = () => ready();
    const res = await request(server).get('/health/ready').expect(200);
    expect(res.body).toMatchObject({
      status: 'degraded',
      service: 'gateway',
      checks: {
        'hardship-cases': {
          ok: false,
          detail: {
            status: 'degraded',
            replicas: [
              { replica: 1, status: 'ok' },
              { replica: 2, status: 'unreachable' },
              { replica: 3, status: 'ok' },
            ],
          },
        },
        'education-grants': { ok: true, detail: { status: 'ok', replicas: [{ replica: 1, status: 'ok' }] } },
        services: { ok: true, detail: { serving: 4, of: 4 } },
      },
    });
    expect(JSON.stringify(res.body)).not.toContain('127.0.0.1');
  });
});

describe('gateway readiness', () => {
  let gw: TestGateway;
  let server: App;
  beforeAll(async () => {
    gw = await startGateway();
    server = gw.app.getHttpServer() as App;
  });
  afterAll(() => gw?.close());
  const services = () => [gw.hardship, gw.grants, gw.medical, gw.organisation];

  it('is ok when every service is', async () => {
    for (const s of services()) s.reply = () => ready();
    expect((await request(server).get('/health/ready').expect(200)).body.status).toBe('ok');
  });

  it('stays ready, degraded, while a service is degraded or not ready: it still serves the others', async () => {
    gw.hardship.reply = () => ready('degraded');
    gw.grants.reply = () => notReady;
    const res = await request(server).get('/health/ready').expect(200);
    expect(res.body).toMatchObject({
      status: 'degraded',
      checks: {
        'hardship-cases': {
          ok: false,
          detail: { status: 'degraded', replicas: [{ status: 'degraded', failing: ['broker'] }] },
        },
        'education-grants': {
          ok: false,
          detail: { status: 'unavailable', replicas: [{ status: 'unavailable', failing: ['database'] }] },
        },
        'medical-aid': { ok: true },
        organisation: { ok: true },
        services: { ok: true, detail: { serving: 3, of: 4 } },
      },
    });
  });

  it('is not ready when no service can serve', async () => {
    for (const s of services()) s.reply = () => notReady;
    const res = await request(server).get('/health/ready').expect(503);
    expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', checks: { services: { ok: false } } });
  });
});

describe('gateway settings', () => {
  it('reads a comma-separated list of replicas per service, and refuses an entry that is not a base URL', () => {
    // A production gateway's settings (docs/security-hop.md, "Production guards").
    const env = {
      JWT_SECRET: randomBytes(48).toString('base64'),
      METRICS_TOKEN: randomBytes(48).toString('base64'),
      GATEWAY_ASSERTION_PRIVATE_KEY: generateAssertionKeys().privateKey,
      HARDSHIP_CASES_URL: 'http://h1:3001, http://h2:3001/',
      EDUCATION_GRANTS_URL: 'http://g:3002',
      MEDICAL_AID_URL: 'http://m:3003',
      ORGANISATION_URL: 'http://o:3004',
    };
    expect(loadGatewaySettings(env).upstreams).toEqual({
      'hardship-cases': ['http://h1:3001', 'http://h2:3001'],
      'education-grants': ['http://g:3002'],
      'medical-aid': ['http://m:3003'],
      organisation: ['http://o:3004'],
    });
    expect(() => loadGatewaySettings({ ...env, MEDICAL_AID_URL: 'http://m:3003,m2:3003' })).toThrow(
      "MEDICAL_AID_URL: 'm2:3003' must be a plain http(s) base URL.",
    );
  });
});
