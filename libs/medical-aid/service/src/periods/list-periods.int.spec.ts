import request from 'supertest';
import { addDays } from '@union/kernel';
import type { ServiceHarness } from '@union/testing';
import { actors, API, openPeriod, TODAY, startMedicalAid } from '../testing/medical-aid.harness';

describe('listing periods (GET /periods, beyond API.md)', () => {
  let h: ServiceHarness;
  let as: ReturnType<typeof actors>;
  beforeAll(async () => {
    h = await startMedicalAid();
    as = actors(h);
  });
  afterAll(() => h.close());

  const list = async (auth: string, query = '') =>
    request(h.http).get(`${API}/periods${query}`).set('Authorization', auth);

  it('lists every period to every role, the latest coverage first, paged', async () => {
    const earlier = await openPeriod(h, {
      name: '上一期',
      coverageStart: addDays(TODAY, -400),
      coverageEnd: addDays(TODAY, -35),
      enrollmentOpensOn: addDays(TODAY, -430),
      enrollmentClosesOn: addDays(TODAY, -401),
    });
    const current = await openPeriod(h, { name: '本期' });
    const all = await list(await as.caseworker(['unit-1']));
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 50, total: 2 });
    expect((all.body.items as { periodId: string; name: string }[]).map((p) => [p.periodId, p.name])).toEqual(
      [
        [current, '本期'],
        [earlier, '上一期'],
      ],
    );
    const one = await request(h.http)
      .get(`${API}/periods/${current}`)
      .set('Authorization', await as.reviewer())
      .expect(200);
    expect(all.body.items[0]).toEqual(one.body);
    for (const auth of [await as.admin(), await as.auditor(), await as.reviewer(['unit-2'])]) {
      expect((await list(auth)).body.total).toBe(2);
    }
    const paged = await list(await as.admin(), '?page=2&pageSize=1');
    expect(paged.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(paged.body.items.map((p: { periodId: string }) => p.periodId)).toEqual([earlier]);
  });

  it('refuses a bad query and asks for a token', async () => {
    for (const query of ['?pageSize=501', '?page=0', '?year=2026']) {
      const res = await list(await as.admin(), query);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    await request(h.http).get(`${API}/periods`).expect(401);
  });
});
