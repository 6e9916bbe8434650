import request from 'supertest';
import type { ServiceHarness } from '@union/testing';
import { actors, API, openPeriod, startMedicalAid } from '../testing/medical-aid.harness';

// `GET /periods` (docs/api-changes.md): the periods a caseworker enrolls into and claims from.
describe('medical-aid periods: the list', () => {
  let h: ServiceHarness;
  let as: ReturnType<typeof actors>;
  let ids: string[];

  beforeAll(async () => {
    h = await startMedicalAid();
    as = actors(h);
    ids = [];
    for (const name of ['2026年度第1期', '2026年度第2期', '2026年度第3期'])
      ids.push(await openPeriod(h, { name }));
  });
  afterAll(() => h.close());

  it('lists every period, newest opened first, as GET /periods/{id} answers each, to every role', async () => {
    const one = await request(h.http)
      .get(`${API}/periods/${ids[2]}`)
      .set('Authorization', await as.caseworker(['unit-1']))
      .expect(200);
    for (const auth of [
      await as.caseworker(['unit-1']),
      await as.reviewer(),
      await as.auditor(),
      await as.admin(),
    ]) {
      const res = await request(h.http).get(`${API}/periods`).set('Authorization', auth).expect(200);
      expect(res.body).toMatchObject({ page: 1, pageSize: 50, total: 3 });
      expect((res.body.items as { name: string }[]).map((p) => p.name)).toEqual([
        '2026年度第3期',
        '2026年度第2期',
        '2026年度第1期',
      ]);
      expect(res.body.items[0]).toEqual(one.body);
    }
  });

  it('pages, and refuses a bad page or an unknown parameter', async () => {
    const auth = await as.caseworker(['unit-1']);
    const second = await request(h.http)
      .get(`${API}/periods?page=2&pageSize=2`)
      .set('Authorization', auth)
      .expect(200);
    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect((second.body.items as { periodId: string }[]).map((p) => p.periodId)).toEqual([ids[0]]);
    await request(h.http).get(`${API}/periods?pageSize=501`).set('Authorization', auth).expect(400);
    await request(h.http).get(`${API}/periods?status=open`).set('Authorization', auth).expect(400);
    await request(h.http).get(`${API}/periods`).expect(401);
  });
});
