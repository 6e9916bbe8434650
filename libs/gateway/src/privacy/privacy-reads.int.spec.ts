import request from 'supertest';
import type { App } from 'supertest/types';
import { idNumberWithCheckChar } from '@union/kernel';
import { bearer, startGateway, type TestGateway } from '../gateway-test.fixture';

const ID = idNumberWithCheckChar('63010219850312001');

/**
 * The gateway's part of DOMAIN.md §5: the records of processing composed from each service's
 * own part, a purpose forwarded to the services that check and record it, and bad input refused
 * before any service is asked.
 */
describe('records of processing and purpose reads at the gateway', () => {
  let gw: TestGateway;
  let server: App;
  beforeAll(async () => {
    gw = await startGateway({ UPSTREAM_TIMEOUT_MS: '300' });
    server = gw.app.getHttpServer() as App;
  });
  afterAll(() => gw.close());

  it("composes the records of processing from each service's part, with the caller's token", async () => {
    gw.hardship.reply = () => ({ status: 200, body: { service: 'hardship-cases', people: 3 } });
    gw.grants.reply = () => ({ status: 200, body: { service: 'education-grants', people: 1 } });
    gw.medical.reply = () => ({ status: 200, body: { service: 'medical-aid', people: 2 } });
    const auth = await bearer(['auditor']);
    const res = await request(server)
      .get('/api/v1/privacy/processing-records?from=2026-01-01&to=2026-03-31')
      .set('Authorization', auth)
      .expect(200);
    expect(res.body).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      complete: true,
      services: {
        'hardship-cases': { available: true, status: 200, answer: { service: 'hardship-cases', people: 3 } },
        'education-grants': { available: true, status: 200, answer: { service: 'education-grants', people: 1 } },
        'medical-aid': { available: true, status: 200, answer: { service: 'medical-aid', people: 2 } },
      },
    });
    const asked = gw.medical.received.at(-1);
    expect(asked?.url).toBe('/api/v1/privacy/processing-records?from=2026-01-01&to=2026-03-31');
    expect(asked?.headers.authorization).toBe(auth);
    expect(gw.organisation.received.some((r) => r.url.includes('processing-records'))).toBe(false);
  });

  it('marks a service that did not answer, and the report incomplete', async () => {
    gw.grants.reply = () => ({ status: 200, body: {}, delayMs: 1_000 });
    const res = await request(server)
      .get('/api/v1/privacy/processing-records?from=2026-01-01&to=2026-01-31')
      .set('Authorization', await bearer(['admin']))
      .expect(200);
    expect(res.body.complete).toBe(false);
    expect(res.body.services['education-grants']).toMatchObject({ available: false });
    gw.grants.reply = () => ({ status: 200, body: {} });
  });

  it.each([
    ['no dates', ''],
    ['to before from', '?from=2026-02-01&to=2026-01-31'],
    ['a date that does not exist', '?from=2026-02-30&to=2026-03-01'],
    ['an unknown parameter', '?from=2026-01-01&to=2026-01-31&unitId=u-1'],
  ])('refuses %s with 400, asking no service', async (_, query) => {
    const before = gw.hardship.received.length;
    const res = await request(server)
      .get(`/api/v1/privacy/processing-records${query}`)
      .set('Authorization', await bearer(['auditor']))
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(gw.hardship.received.length).toBe(before);
  });

  it('admits admins and auditors only', async () => {
    await request(server)
      .get('/api/v1/privacy/processing-records?from=2026-01-01&to=2026-01-31')
      .set('Authorization', await bearer(['caseworker', 'reviewer']))
      .expect(403);
  });

  it('forwards a purpose to each service of the person view and passes their full numbers on', async () => {
    gw.hardship.reply = () => ({ status: 200, body: { idNumber: ID, cases: [], receivedThisYearFen: 0 } });
    gw.grants.reply = () => ({ status: 200, body: { applications: [], receivedThisYearFen: 0 } });
    gw.medical.reply = () => ({ status: 200, body: { claims: [], receivedThisYearFen: 0 } });
    const res = await request(server)
      .get(`/api/v1/people/${ID}`)
      .query({ purpose: '核对身份后发放救助金' })
      .set('Authorization', await bearer(['caseworker']))
      .expect(200);
    expect(res.body).toMatchObject({ idNumber: ID, hardship: { records: { idNumber: ID } } });
    expect(gw.hardship.received.at(-1)?.url).toBe(
      `/api/v1/hardship/people/${ID}?purpose=${encodeURIComponent('核对身份后发放救助金')}`,
    );
    // Without a purpose the view masks whatever a service left in its answer.
    const plain = await request(server)
      .get(`/api/v1/people/${ID}`)
      .set('Authorization', await bearer(['caseworker']))
      .expect(200);
    expect(JSON.stringify(plain.body)).not.toContain(ID);
    expect(gw.hardship.received.at(-1)?.url).toBe(`/api/v1/hardship/people/${ID}`);
  });

  it('refuses a bad purpose on the person view before asking any service', async () => {
    const before = gw.hardship.received.length;
    const res = await request(server)
      .get(`/api/v1/people/${ID}?purpose=ab`)
      .set('Authorization', await bearer(['auditor']))
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'purpose' }] });
    expect(gw.hardship.received.length).toBe(before);
  });

  it('forwards a purpose on a record route as it came', async () => {
    gw.medical.reply = () => ({ status: 200, body: { claimId: 'c-1' } });
    await request(server)
      .get('/api/v1/medical-aid/claims/4b1c5f0e-8c44-4f7e-9d55-2f3b0c6f7a11?purpose=%E6%A0%B8%E5%AF%B9%E7%A5%A8%E6%8D%AE')
      .set('Authorization', await bearer(['reviewer']))
      .expect(200);
    expect(gw.medical.received.at(-1)?.url).toBe(
      '/api/v1/medical-aid/claims/4b1c5f0e-8c44-4f7e-9d55-2f3b0c6f7a11?purpose=%E6%A0%B8%E5%AF%B9%E7%A5%A8%E6%8D%AE',
    );
  });
});
