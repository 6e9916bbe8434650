import request from 'supertest';
import type { ServiceHarness } from '@union/testing';
import {
  act,
  actors,
  API,
  bill,
  enroll,
  eventCount,
  idNumber,
  openPeriod,
  startMedicalAid,
  submitClaim,
  TODAY,
} from '../testing/medical-aid.harness';

type ClaimList = { total: number; items: { claimId: string; status: string; unitId: string }[] };

/** `GET /claims` filters, paging and unit scope; `GET /claims/{id}`; idempotent submission. */
describe('medical-aid claims: lists and replays (HTTP)', () => {
  let h: ServiceHarness;
  let as: ReturnType<typeof actors>;
  let periodId: string;
  const example1 = bill(6_200_000, 2_100_000);

  beforeAll(async () => {
    h = await startMedicalAid();
    as = actors(h);
    periodId = await openPeriod(h);
    const other = await openPeriod(h, { name: 'other' });
    await enroll(h, periodId, [idNumber(1), idNumber(2)]);
    await enroll(h, periodId, [idNumber(3)], 'unit-2');
    await enroll(h, other, [idNumber(1)]);
    const ids: string[] = [];
    for (const [n, hospital] of [
      [1, 'A'],
      [1, 'B'],
      [2, 'A'],
      [3, 'A'],
    ] as const) {
      ids.push(
        ((await submitClaim(h, periodId, idNumber(n), hospital, example1)).body as { claimId: string })
          .claimId,
      );
    }
    await submitClaim(h, other, idNumber(1), 'A', example1);
    await act(h, ids[0], 'approve', await as.reviewer(), {});
    await act(h, ids[0], 'pay', await as.caseworker(), { paymentRef: 'B-1', paidOn: TODAY });
    await act(h, ids[1], 'reject', await as.reviewer(), { reason: '重复提交' });
  });
  afterAll(() => h.close());

  const list = async (query: string, auth: string, status = 200) =>
    (await request(h.http).get(`${API}/claims${query}`).set('Authorization', auth).expect(status))
      .body as ClaimList;

  it('filters by period, status and unit, newest first, with paging', async () => {
    const auth = await as.auditor();
    expect(await list(`?periodId=${periodId}&pageSize=3`, auth)).toMatchObject({
      page: 1,
      pageSize: 3,
      total: 4,
    });
    expect((await list(`?periodId=${periodId}&pageSize=3`, auth)).items).toHaveLength(3);
    expect((await list(`?periodId=${periodId}&pageSize=3&page=2`, auth)).items).toHaveLength(1);
    expect((await list('', auth)).total).toBe(5);
    expect(await list(`?periodId=${periodId}&status=paid`, auth)).toMatchObject({
      total: 1,
      items: [{ status: 'paid' }],
    });
    expect(await list(`?status=rejected`, auth)).toMatchObject({ total: 1, items: [{ status: 'rejected' }] });
    expect((await list(`?unitId=unit-2`, auth)).items.map((c) => c.unitId)).toEqual(['unit-2']);
    const newestFirst = (await list(`?periodId=${periodId}`, auth)).items.map((c) => c.unitId);
    expect(newestFirst[0]).toBe('unit-2');
    await list('?status=lost', auth, 400);
    await list('?pageSize=501', auth, 400);
    await list('?periodId=nope', auth, 400);
  });

  it('leaves out what a given user submitted (submittedByNot, for the approvals inbox)', async () => {
    const auth = await as.reviewer();
    expect((await list('?status=submitted', auth)).total).toBe(3);
    expect((await list('?status=submitted&submittedByNot=rv-1', auth)).total).toBe(3);
    expect(await list('?status=submitted&submittedByNot=cw-1', auth)).toMatchObject({ total: 0, items: [] });
    await list('?submittedByNot=', auth, 400);
  });

  it('shows caseworkers and reviewers only their units, auditors everything', async () => {
    const unit2 = await list('', await as.caseworker(['unit-2']));
    expect(unit2).toMatchObject({ total: 1, items: [{ unitId: 'unit-2' }] });
    expect((await list('', await as.reviewer(['unit-1']))).total).toBe(4);
    await list('?unitId=unit-1', await as.caseworker(['unit-2']), 403);
    const claimId = unit2.items[0].claimId;
    await request(h.http)
      .get(`${API}/claims/${claimId}`)
      .set('Authorization', await as.caseworker(['unit-1']))
      .expect(403);
    const one = await request(h.http)
      .get(`${API}/claims/${claimId}`)
      .set('Authorization', await as.caseworker(['unit-2']))
      .expect(200);
    expect(one.headers.etag).toBe('"1"');
    expect(JSON.stringify(one.body)).not.toContain(idNumber(3));
    await request(h.http)
      .get(`${API}/claims/${claimId}`)
      .set('Authorization', await as.admin())
      .expect(403);
    await request(h.http)
      .get(`${API}/claims/7d0f5a52-0000-4000-8000-000000000009`)
      .set('Authorization', await as.auditor())
      .expect(404);
  });

  it('answers a replayed submission with the first response and stores one claim', async () => {
    const auth = await as.caseworker();
    const body = {
      periodId,
      idNumber: idNumber(2),
      hospital: '同仁医院',
      admittedOn: TODAY,
      dischargedOn: TODAY,
      diagnosisCode: 'K35',
      bill: example1,
    };
    const first = await request(h.http)
      .post(`${API}/claims`)
      .set('Authorization', auth)
      .set('Idempotency-Key', 'c-1')
      .send(body)
      .expect(201);
    const before = await eventCount(h);
    const again = await request(h.http)
      .post(`${API}/claims`)
      .set('Authorization', auth)
      .set('Idempotency-Key', 'c-1')
      .send(body)
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers).toMatchObject({ etag: '"1"', 'idempotent-replayed': 'true' });
    expect(await eventCount(h)).toBe(before);
    const reused = await request(h.http)
      .post(`${API}/claims`)
      .set('Authorization', auth)
      .set('Idempotency-Key', 'c-1')
      .send({ ...body, hospital: 'X' })
      .expect(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });
});
