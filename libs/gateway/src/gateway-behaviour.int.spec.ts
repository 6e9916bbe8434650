import request from 'supertest';
import type { App } from 'supertest/types';
import { idNumberWithCheckChar } from '@union/kernel';
import { bearer, startGateway, type TestGateway } from './gateway-test.fixture';
import { ROUTE_TABLE } from './routing/route-table';

const ID = idNumberWithCheckChar('63010219850312001');

describe('gateway behaviour', () => {
  let gw: TestGateway;
  let server: App;
  beforeAll(async () => {
    gw = await startGateway({ UPSTREAM_TIMEOUT_MS: '300', GATEWAY_BODY_LIMIT_BYTES: '1024' });
    server = gw.app.getHttpServer() as App;
  });
  afterAll(async () => {
    await gw.close();
  });

  it('refuses malformed JSON with a 400 problem, without calling the service', async () => {
    const before = gw.hardship.received.length;
    const res = await request(server)
      .post('/api/v1/hardship/cases')
      .set('Authorization', await bearer(['caseworker']))
      .set('Content-Type', 'application/json')
      .send('{"person": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(gw.hardship.received.length).toBe(before);
  });

  it('refuses a body sent to a route that takes none, without calling the service', async () => {
    const before = gw.grants.received.length;
    const res = await request(server)
      .post('/api/v1/grants/campaigns/c-1/close')
      .set('Authorization', await bearer(['admin']))
      .send({ reason: 'done' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      detail: 'POST /api/v1/grants/campaigns/{campaignId}/close takes no request body.',
    });
    expect(gw.grants.received.length).toBe(before);
    await request(server)
      .post('/api/v1/grants/campaigns/c-1/close')
      .set('Authorization', await bearer(['admin']))
      .expect(200);
    expect(gw.grants.received.length).toBe(before + 1);
  });

  it('refuses a body over GATEWAY_BODY_LIMIT_BYTES with 413', async () => {
    const res = await request(server)
      .post('/api/v1/hardship/cases')
      .set('Authorization', await bearer(['caseworker']))
      .send({ note: 'x'.repeat(2048) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers 503 naming the service when it does not answer within UPSTREAM_TIMEOUT_MS', async () => {
    gw.grants.reply = () => ({ status: 200, body: {}, delayMs: 2000 });
    const res = await request(server)
      .get('/api/v1/grants/applications')
      .set('Authorization', await bearer(['reviewer']));
    gw.grants.reply = () => ({ status: 200, body: { ok: true } });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'education-grants' });
    expect((res.body as { detail: string }).detail).toContain('300 ms');
  });

  it('serves the OpenAPI document without a token, listing every route of the table', async () => {
    const res = await request(server).get('/docs-json').expect(200);
    const doc = res.body as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: object };
    };
    for (const route of ROUTE_TABLE) {
      expect(doc.paths[route.path]?.[route.method.toLowerCase()]).toMatchObject({ 'x-roles': route.roles });
    }
    expect(doc.paths['/api/v1/people/{idNumber}']).toBeDefined();
    expect(doc.paths['/api/v1/auth/dev-token']).toHaveProperty('post.security', []);
    expect(doc.components.schemas).toHaveProperty('Problem');
    expect(JSON.stringify(doc)).toContain('青海省人民医院');
    const ui = await request(server).get('/docs/').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it("composes the people view with each programme's records and this year's totals", async () => {
    gw.hardship.reply = () => ({
      status: 200,
      body: { cases: [{ caseId: 'c-1' }], receivedThisYearFen: 120_000 },
    });
    gw.grants.reply = () => ({ status: 200, body: { applications: [], receivedThisYearFen: 0 } });
    gw.medical.reply = () => ({
      status: 200,
      body: { claims: [{ claimId: 'm-1' }], receivedThisYearFen: 35_050 },
    });
    const res = await request(server)
      .get(`/api/v1/people/${ID}`)
      .set('Authorization', await bearer(['reviewer']))
      .set('x-correlation-id', 'people-view-1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      hardship: { available: true, records: { cases: [{ caseId: 'c-1' }] } },
      grants: { available: true, records: { applications: [] } },
      medicalAid: { available: true, records: { claims: [{ claimId: 'm-1' }] } },
      receivedThisYearFen: { hardship: 120_000, grants: 0, medicalAid: 35_050, total: 155_050 },
    });
    // Each service was asked for the person, with the gateway's correlation id (the caller's
    // kept as its reference only): see auth/assertion.int.spec.ts for the assertion itself.
    const asked = [
      [gw.hardship, '/api/v1/hardship'],
      [gw.grants, '/api/v1/grants'],
      [gw.medical, '/api/v1/medical-aid'],
    ] as const;
    expect(res.headers['x-client-correlation-id']).toBe('people-view-1');
    for (const [service, prefix] of asked) {
      expect(service.received.at(-1)).toMatchObject({
        url: `${prefix}/people/${ID}`,
        headers: expect.objectContaining({ 'x-correlation-id': res.headers['x-correlation-id'] }) as unknown,
      });
    }
  });

  it('composes the people view, masking the identity number, with one service down', async () => {
    gw.hardship.reply = () => ({
      status: 200,
      body: { cases: [{ caseId: 'c-1', idNumber: ID, name: '王建国' }], receivedThisYearFen: 50_000 },
    });
    gw.grants.reply = () => ({ status: 404, body: { code: 'NOT_FOUND' } });
    await gw.medical.close();
    const authorization = await bearer(['caseworker'], { units: ['u-1'] });
    const res = await request(server).get(`/api/v1/people/${ID}`).set('Authorization', authorization);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      idNumberMasked: `630102********${ID.slice(14)}`,
      hardship: {
        available: true,
        records: {
          cases: [{ caseId: 'c-1', idNumber: `630102********${ID.slice(14)}`, name: '王建国' }],
          receivedThisYearFen: 50_000,
        },
      },
      // The services serve the per-person route: a 404 is a fault, not "no records".
      grants: { available: false, detail: 'The education-grants service answered 404.' },
      medicalAid: { available: false, detail: expect.stringContaining('medical-aid') as unknown },
      // A partial sum is not the total.
      receivedThisYearFen: { hardship: 50_000, grants: null, medicalAid: null, total: null },
    });
    expect(res.text).not.toContain(ID);
    expect(gw.hardship.received.at(-1)?.headers.authorization).toBe(authorization);
  });

  it('validates the identity number and the role of the people view', async () => {
    const bad = await request(server)
      .get('/api/v1/people/630102198503120019')
      .set('Authorization', await bearer(['auditor']));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    await request(server)
      .get(`/api/v1/people/${ID}`)
      .set('Authorization', await bearer(['admin']))
      .expect(403);
    await request(server).get(`/api/v1/people/${ID}`).expect(401);
  });

  it('answers 503 naming the service when it is down', async () => {
    const res = await request(server)
      .get('/api/v1/medical-aid/claims')
      .set('Authorization', await bearer(['auditor']));
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'medical-aid' });
    const metrics = await request(server).get('/metrics').expect(200);
    expect(metrics.text).toMatch(
      /gateway_upstream_failures_total\{service="medical-aid",reason="unreachable"\} [1-9]/,
    );
    expect(metrics.text).toMatch(
      /gateway_upstream_failures_total\{service="education-grants",reason="timeout"\} 1/,
    );
  });
});

describe('gateway rate limit', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('answers 429 RATE_LIMITED with Retry-After once a user passes the limit; others are unaffected', async () => {
    const server = gw.app.getHttpServer() as App;
    const busy = await bearer(['auditor'], { sub: 'busy' });
    for (let i = 0; i < 3; i++) {
      await request(server).get('/api/v1/hardship/cases').set('Authorization', busy).expect(200);
    }
    const res = await request(server).get('/api/v1/hardship/cases').set('Authorization', busy);
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await request(server)
      .get('/api/v1/hardship/cases')
      .set('Authorization', await bearer(['auditor'], { sub: 'calm' }))
      .expect(200);
  });

  it('limits requests without a valid token by address', async () => {
    const server = gw.app.getHttpServer() as App;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await request(server).get('/api/v1/grants/applications')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
