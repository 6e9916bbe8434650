import request from 'supertest';
import { signDevToken } from '@union/platform';
import { startServiceHarness, TEST_JWT_SECRET, type ServiceHarness } from '@union/testing';
import { MedicalAidModule } from './medical-aid.module';
import { medicalAidService } from './medical-aid.service-definition';
import { actors, API, idNumber, openPeriod } from './testing/medical-aid.harness';

/**
 * Issue 13 item 2: a service on its own port, called with a valid user token but not by the
 * gateway, is refused; behind the gateway's assertion it still checks the roles itself.
 */
describe('medical-aid: reached only through the gateway', () => {
  const METRICS_TOKEN = 'medical-aid-hop-test-metrics-q8Zt3Vw9pX2mR7nK4bL6cY1';
  let h: ServiceHarness;
  let periodId: string;
  beforeAll(async () => {
    h = await startServiceHarness(medicalAidService, (i, s) => MedicalAidModule.register(i, s), undefined, {
      metricsToken: METRICS_TOKEN,
    });
    periodId = await openPeriod(h);
  });
  afterAll(() => h.close());

  it('refuses an admin reading a person directly, and behind the gateway too (admins do not read people)', async () => {
    const admin = await actors(h).admin();
    const direct = await request(h.direct)
      .get(`${API}/people/${idNumber(1)}`)
      .set('Authorization', admin)
      .expect(401);
    expect(direct.body).toMatchObject({
      code: 'UNAUTHENTICATED',
      detail: 'The request carries no gateway assertion: services are reached only through the gateway.',
    });
    const viaGateway = await request(h.http)
      .get(`${API}/people/${idNumber(1)}`)
      .set('Authorization', admin)
      .expect(403);
    expect(viaGateway.body).toMatchObject({ code: 'FORBIDDEN' });
    await request(h.http)
      .get(`${API}/people/${idNumber(1)}`)
      .set('Authorization', await actors(h).reviewer())
      .expect(200);
  });

  it('refuses a token with roles [] reading a period, directly and behind the gateway', async () => {
    const noRoles = `Bearer ${await signDevToken(TEST_JWT_SECRET, { sub: 'nobody', roles: [], units: ['*'] }, 600)}`;
    await request(h.direct).get(`${API}/periods/${periodId}`).set('Authorization', noRoles).expect(401);
    const res = await request(h.http)
      .get(`${API}/periods/${periodId}`)
      .set('Authorization', noRoles)
      .expect(401);
    expect(res.body.detail).toBe(
      "The token's roles claim must be a non-empty list of caseworker, reviewer, auditor, admin.",
    );
    await request(h.http)
      .get(`${API}/periods/${periodId}`)
      .set('Authorization', await actors(h).caseworker())
      .expect(200);
  });

  it('serves /metrics to the metrics token only, and the probes to anyone', async () => {
    await request(h.direct).get('/metrics').expect(401);
    await request(h.direct)
      .get('/metrics')
      .set('Authorization', await actors(h).admin())
      .expect(401);
    await request(h.direct).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    await request(h.direct).get('/health/live').expect(200);
  });

  it('records nothing for a write that came around the gateway', async () => {
    const before = await h.infra.dataSource.query('SELECT count(*)::int AS n FROM events');
    await request(h.direct)
      .post(`${API}/periods`)
      .set('Authorization', await actors(h).admin())
      .send({})
      .expect(401);
    expect(await h.infra.dataSource.query('SELECT count(*)::int AS n FROM events')).toEqual(before);
  });
});
