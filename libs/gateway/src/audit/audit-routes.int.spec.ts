import request from 'supertest';
import type { App } from 'supertest/types';
import { idNumberWithCheckChar } from '@union/kernel';
import { bearer, startGateway, type Received, type TestGateway } from '../gateway-test.fixture';

const ID = idNumberWithCheckChar('63010219850312001');

/** An AuditEvent as a service answers it (only the fields the merge reads matter here). */
const event = (streamId: string, globalPosition: number, recordedAt: string, type: string) => ({
  streamId,
  globalPosition,
  recordedAt,
  type,
  version: 1,
  metadata: { actor: 'cw-1', correlationId: 'corr-1' },
  hash: 'h',
  prevHash: null,
});

describe('gateway audit routes', () => {
  let gw: TestGateway;
  let server: App;
  beforeAll(async () => {
    gw = await startGateway({ UPSTREAM_TIMEOUT_MS: '300' });
    server = gw.app.getHttpServer() as App;
    // The organisation's log holds no person's events; its correlations are not asked about here.
    gw.organisation.reply = () => ({ status: 200, body: { events: [] } });
  });
  afterAll(() => gw.close());
  afterEach(() => {
    for (const stub of [gw.hardship, gw.grants, gw.medical])
      stub.reply = () => ({ status: 200, body: { ok: true } });
  });

  const calls = (): number =>
    gw.hardship.received.length +
    gw.grants.received.length +
    gw.medical.received.length +
    gw.organisation.received.length;
  const last = (r: Received[]): Received | undefined => r[r.length - 1];

  it('forwards /audit/{service}/… to that service under /api/v1/audit, with the query', async () => {
    const auditor = await bearer(['auditor']);
    await request(server)
      .get('/api/v1/audit/medical-aid/streams/claim-1/events?fromVersion=2')
      .set('Authorization', auditor)
      .expect(200);
    expect(last(gw.medical.received)).toMatchObject({
      method: 'GET',
      url: '/api/v1/audit/streams/claim-1/events?fromVersion=2',
    });
    expect(last(gw.medical.received)?.headers.authorization).toBe(auditor);
    await request(server)
      .get('/api/v1/audit/education-grants/verify?fromPosition=1&toPosition=9')
      .set('Authorization', auditor)
      .expect(200);
    expect(last(gw.grants.received)?.url).toBe('/api/v1/audit/verify?fromPosition=1&toPosition=9');
    await request(server)
      .get('/api/v1/audit/hardship-cases/streams/case-1/state?asOf=2026-01-01T00:00:00Z')
      .set('Authorization', auditor)
      .expect(200);
    expect(last(gw.hardship.received)?.url).toBe(
      '/api/v1/audit/streams/case-1/state?asOf=2026-01-01T00:00:00Z',
    );
  });

  it('passes the service status and body back (a 404 of a stream without events stays a 404)', async () => {
    gw.hardship.reply = () => ({ status: 404, body: { code: 'NOT_FOUND', detail: 'no events' } });
    const res = await request(server)
      .get('/api/v1/audit/hardship-cases/streams/case-x/events')
      .set('Authorization', await bearer(['admin']));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', detail: 'no events' });
  });

  it('answers 404 naming the audited services for an unknown {service}, calling none', async () => {
    const before = calls();
    const res = await request(server)
      .get('/api/v1/audit/payroll/verify')
      .set('Authorization', await bearer(['auditor']));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
    expect((res.body as { detail: string }).detail).toContain(
      'hardship-cases, education-grants, medical-aid',
    );
    expect(calls()).toBe(before);
  });

  it('lets only an admin ask for rebuild-compare; auditors and caseworkers get 403', async () => {
    for (const role of ['auditor', 'caseworker', 'reviewer'] as const) {
      const res = await request(server)
        .post('/api/v1/audit/medical-aid/rebuild-compare')
        .set('Authorization', await bearer([role]));
      expect(res.status).toBe(403);
    }
    await request(server)
      .post('/api/v1/audit/medical-aid/rebuild-compare')
      .set('Authorization', await bearer(['admin']))
      .expect(200);
    expect(last(gw.medical.received)).toMatchObject({ method: 'POST', url: '/api/v1/audit/rebuild-compare' });
  });

  it("merges a person's events from the three services oldest first, each labelled with its service", async () => {
    gw.hardship.reply = () => ({
      status: 200,
      body: {
        service: 'x',
        events: [
          event('case-1', 1, '2026-03-02T08:00:00.000Z', 'HardshipCaseOpened'),
          event('case-1', 2, '2026-03-04T08:00:00.000Z', 'VisitRecorded'),
        ],
      },
    });
    gw.grants.reply = () => ({ status: 200, body: { events: [] } });
    gw.medical.reply = () => ({
      status: 200,
      body: {
        events: [
          event('claim-1', 7, '2026-03-03T08:00:00.000Z', 'ClaimPaid'),
          event('claim-1', 6, '2026-03-02T08:00:00.000Z', 'ClaimApproved'),
        ],
      },
    });
    const auditor = await bearer(['auditor']);
    const res = await request(server)
      .get(`/api/v1/audit/people/${ID}/timeline`)
      .set('Authorization', auditor)
      .expect(200);
    const body = res.body as { idNumberMasked: string; events: { service: string; type: string }[] };
    expect(body.idNumberMasked).toBe(`630102********${ID.slice(14)}`);
    expect(body.events.map((e) => `${e.service}:${e.type}`)).toEqual([
      'hardship-cases:HardshipCaseOpened', // same instant as ClaimApproved: ties go by service name
      'medical-aid:ClaimApproved',
      'medical-aid:ClaimPaid',
      'hardship-cases:VisitRecorded',
    ]);
    expect(res.text).not.toContain(ID);
    for (const stub of [gw.hardship, gw.grants, gw.medical]) {
      expect(last(stub.received)).toMatchObject({ url: `/api/v1/audit/people/${ID}/events` });
      expect(last(stub.received)?.headers.authorization).toBe(auditor);
    }
  });

  it('refuses an invalid identity number (400) and other roles (403) without asking any service', async () => {
    const before = calls();
    const bad = await request(server)
      .get('/api/v1/audit/people/630102198503120019/timeline')
      .set('Authorization', await bearer(['auditor']));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'idNumber' }] });
    for (const role of ['caseworker', 'reviewer'] as const) {
      await request(server)
        .get(`/api/v1/audit/people/${ID}/timeline`)
        .set('Authorization', await bearer([role]))
        .expect(403);
      await request(server)
        .get('/api/v1/audit/trace/corr-1')
        .set('Authorization', await bearer([role]))
        .expect(403);
    }
    await request(server).get('/api/v1/audit/trace/corr-1').expect(401);
    const badId = await request(server)
      .get(`/api/v1/audit/trace/${'x'.repeat(129)}`)
      .set('Authorization', await bearer(['admin']));
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'correlationId' }] });
    expect(calls()).toBe(before);
  });

  it('traces a correlation id across the services in time order', async () => {
    gw.medical.reply = () => ({
      status: 200,
      body: { events: [event('claim-1', 3, '2026-03-01T08:00:00.000Z', 'HardshipRiskDetected')] },
    });
    gw.hardship.reply = () => ({
      status: 200,
      body: {
        events: [
          event('referral-1', 5, '2026-03-01T08:00:01.000Z', 'ReferralReceived'),
          event('case-1', 9, '2026-03-05T08:00:00.000Z', 'HardshipCaseOpened'),
        ],
      },
    });
    gw.grants.reply = () => ({
      status: 200,
      body: { events: [event('application-1', 4, '2026-03-05T08:00:02.000Z', 'ApplicationReleased')] },
    });
    const res = await request(server)
      .get('/api/v1/audit/trace/corr-1')
      .set('Authorization', await bearer(['admin']))
      .expect(200);
    expect(res.body).toMatchObject({ correlationId: 'corr-1' });
    expect(
      (res.body as { events: { service: string; type: string }[] }).events.map((e) => [e.service, e.type]),
    ).toEqual([
      ['medical-aid', 'HardshipRiskDetected'],
      ['hardship-cases', 'ReferralReceived'],
      ['hardship-cases', 'HardshipCaseOpened'],
      ['education-grants', 'ApplicationReleased'],
    ]);
    expect(last(gw.grants.received)?.url).toBe('/api/v1/audit/correlations/corr-1/events');
  });

  it('answers 503 naming the service that is slow, and passes a service refusal on', async () => {
    gw.hardship.reply = () => ({ status: 200, body: { events: [] } });
    gw.medical.reply = () => ({ status: 200, body: { events: [] } });
    gw.grants.reply = () => ({ status: 200, body: { events: [] }, delayMs: 2000 });
    const slow = await request(server)
      .get('/api/v1/audit/trace/corr-1')
      .set('Authorization', await bearer(['auditor']));
    expect(slow.status).toBe(503);
    expect(slow.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'education-grants' });
    expect((slow.body as { detail: string }).detail).toContain('300 ms');
    gw.grants.reply = () => ({ status: 500, body: { code: 'INTERNAL' } });
    const broken = await request(server)
      .get(`/api/v1/audit/people/${ID}/timeline`)
      .set('Authorization', await bearer(['auditor']));
    expect(broken.status).toBe(503);
    expect(broken.body).toMatchObject({ service: 'education-grants' });
    gw.grants.reply = () => ({ status: 200, body: { events: [] } });
    gw.medical.reply = () => ({ status: 403, body: { code: 'FORBIDDEN', detail: 'Only auditors.' } });
    const refused = await request(server)
      .get('/api/v1/audit/trace/corr-1')
      .set('Authorization', await bearer(['auditor']));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'Only auditors.',
      service: 'medical-aid',
    });
  });

  it('answers 503 naming the service that is down', async () => {
    gw.hardship.reply = () => ({ status: 200, body: { events: [] } });
    gw.grants.reply = () => ({ status: 200, body: { events: [] } });
    await gw.medical.close();
    const res = await request(server)
      .get(`/api/v1/audit/people/${ID}/timeline`)
      .set('Authorization', await bearer(['auditor']));
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      service: 'medical-aid',
      services: ['medical-aid'],
    });
  });

  it('documents the audit routes in /docs-json with their roles', async () => {
    const doc = (await request(server).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { 'x-roles': string[] }>>;
    };
    expect(doc.paths['/api/v1/audit/people/{idNumber}/timeline'].get['x-roles']).toEqual([
      'auditor',
      'admin',
    ]);
    expect(doc.paths['/api/v1/audit/trace/{correlationId}'].get['x-roles']).toEqual(['auditor', 'admin']);
    expect(doc.paths['/api/v1/audit/hardship-cases/rebuild-compare'].post['x-roles']).toEqual(['admin']);
    expect(doc.paths['/api/v1/audit/medical-aid/streams/{streamId}/state'].get['x-roles']).toEqual([
      'auditor',
      'admin',
    ]);
  });
});
