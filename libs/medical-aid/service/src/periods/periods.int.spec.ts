import request from 'supertest';
import type { ServiceHarness } from '@union/testing';
import {
  actors,
  API,
  eventCount,
  openPeriod,
  periodBody,
  startMedicalAid,
} from '../testing/medical-aid.harness';

describe('medical-aid periods (HTTP)', () => {
  let h: ServiceHarness;
  let as: ReturnType<typeof actors>;

  beforeAll(async () => {
    h = await startMedicalAid();
    as = actors(h);
  });
  afterAll(() => h.close());

  it('opens a period with the defaults of DOMAIN.md filled in, readable by anyone signed in', async () => {
    const opened = await request(h.http)
      .post(`${API}/periods`)
      .set('Authorization', await as.admin())
      .send(periodBody())
      .expect(201);
    const periodId = (opened.body as { periodId: string }).periodId;
    expect(opened.headers.etag).toBe('"1"');
    expect(opened.body).toMatchObject({
      version: 1,
      contributionFen: 10_000,
      waitingDays: 0,
      claimDeadlineDays: 180,
      policyVersion: `period-${periodId}-1`,
      openedBy: 'admin-1',
      rules: {
        inpatient: { deductibleFen: 100_000, annualCapFen: 20_000_000 },
        seriousIllness: { thresholdFen: 6_000_000, capFen: 5_000_000 },
        hardshipRisk: { thresholdFen: 3_000_000 },
        waiveContributionForTiers: ['deep'],
      },
    });
    const read = await request(h.http)
      .get(`${API}/periods/${periodId}`)
      .set('Authorization', await as.auditor())
      .expect(200);
    expect(read.body).toEqual(opened.body);
    expect(read.headers.etag).toBe('"1"');
    const [event] = await h.infra.store.readStream(`period-${periodId}`);
    expect(event).toMatchObject({
      type: 'PeriodOpened',
      metadata: { actor: 'admin-1', policyVersion: `period-${periodId}-1` },
    });
  });

  it('lists every problem of the rules with its field path, and stores nothing', async () => {
    const before = await eventCount(h);
    const body = periodBody({
      coverageEnd: periodBody().coverageStart,
      rules: {
        inpatient: {
          deductibleFen: 100_000,
          bands: [
            { uptoFen: 5_000_000, ratioBp: 5000 },
            { uptoFen: 4_000_000, ratioBp: 6000 },
            { uptoFen: null, ratioBp: 6000 },
          ],
        },
        seriousIllness: { bands: [{ uptoFen: 100, ratioBp: 5000 }] },
        waiveContributionForTiers: ['deep', 'deep'],
      },
    });
    const res = await request(h.http)
      .post(`${API}/periods`)
      .set('Authorization', await as.admin())
      .send(body)
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = (res.body as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(fields).toEqual(
      expect.arrayContaining([
        'coverageEnd',
        'rules.inpatient.bands[1].uptoFen',
        'rules.seriousIllness.bands[0].uptoFen',
        'rules.waiveContributionForTiers[1]',
      ]),
    );
    expect(await eventCount(h)).toBe(before);
  });

  it('refuses malformed bodies (types, unknown fields) with field paths', async () => {
    const body = {
      ...periodBody({ extra: 1 }),
      contributionFen: -5,
      rules: { inpatient: { deductibleFen: 1, bands: [{ ratioBp: 20000 }] } },
    };
    const res = await request(h.http)
      .post(`${API}/periods`)
      .set('Authorization', await as.admin())
      .send(body)
      .expect(400);
    const fields = (res.body as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'extra',
        'contributionFen',
        'rules.inpatient.bands[0].uptoFen',
        'rules.inpatient.bands[0].ratioBp',
        'rules.seriousIllness',
      ]),
    );
  });

  it('lets only admins open periods and answers 404 for an unknown one', async () => {
    await request(h.http)
      .post(`${API}/periods`)
      .set('Authorization', await as.caseworker())
      .send(periodBody())
      .expect(403);
    await request(h.http).post(`${API}/periods`).send(periodBody()).expect(401);
    const missing = await request(h.http)
      .get(`${API}/periods/7d0f5a52-0000-4000-8000-000000000009`)
      .set('Authorization', await as.caseworker())
      .expect(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND' });
    await request(h.http)
      .get(`${API}/periods/not-a-uuid`)
      .set('Authorization', await as.caseworker())
      .expect(400);
  });

  it('reports an empty fund (usage null while nothing was collected) to reviewers, auditors and admins only', async () => {
    const periodId = await openPeriod(h);
    const report = await request(h.http)
      .get(`${API}/periods/${periodId}/fund-report`)
      .set('Authorization', await as.reviewer())
      .expect(200);
    expect(report.body).toEqual({
      periodId,
      membersPaid: 0,
      membersWaived: 0,
      contributionsFen: 0,
      claimsPaid: 0,
      payoutsFen: 0,
      seriousIllnessAidFen: 0,
      usageRateBp: null,
      deficit: false,
      payoutsByMonth: [],
    });
    await request(h.http)
      .get(`${API}/periods/${periodId}/fund-report`)
      .set('Authorization', await as.caseworker())
      .expect(403);
  });

  it('replays a POST with the same Idempotency-Key and refuses the key for another body', async () => {
    const auth = await as.admin();
    const first = await request(h.http)
      .post(`${API}/periods`)
      .set('Authorization', auth)
      .set('Idempotency-Key', 'p-1')
      .send(periodBody())
      .expect(201);
    const again = await request(h.http)
      .post(`${API}/periods`)
      .set('Authorization', auth)
      .set('Idempotency-Key', 'p-1')
      .send(periodBody())
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await request(h.http)
      .post(`${API}/periods`)
      .set('Authorization', auth)
      .set('Idempotency-Key', 'p-1')
      .send(periodBody({ name: 'x' }))
      .expect(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });
});
