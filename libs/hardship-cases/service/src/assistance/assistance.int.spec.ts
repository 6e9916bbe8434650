import { chinaToday } from '@union/kernel';
import {
  HARDSHIP,
  idNumberOf,
  createFund,
  openCase,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

// Limits from the environment (validated at boot): four eyes from 1,000 yuan, 3,000 yuan a year.
const ENV = { HARDSHIP_APPROVAL_THRESHOLD_FEN: '100000', HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN: '300000' };
const LIMITS_VERSION = 'assistance-100000-300000';

let fundId = '';
const assistance = (amountFen: number) => ({
  kind: 'cash',
  category: 'holiday',
  amountFen,
  fundId,
  description: '春节送温暖慰问金',
});

describe('assistance with four eyes and a yearly cap (HTTP)', () => {
  let h: HardshipHarness;
  let cw: Client;
  let reviewer: Client;
  beforeAll(async () => {
    h = await startHardshipHarness(ENV);
    fundId = await createFund(h);
    cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    reviewer = await h.as('rv-1', ['reviewer'], ['*']);
  });
  afterAll(() => h.close());

  it('disburses below the threshold at once and records the limits version as the policy version', async () => {
    const caseId = await openCase(h, idNumberOf(1));
    const res = await cw.post(`${HARDSHIP}/cases/${caseId}/assistance`).send(assistance(99_999)).expect(201);
    expect(res.body).toMatchObject({
      status: 'disbursed',
      amountFen: 99_999,
      category: 'holiday',
      caseVersion: 2,
    });
    expect(res.body.assistanceId).toEqual(expect.any(String));
    expect(res.headers.etag).toBe('"2"');
    const events = await h.infra.store.readStream(`case-${caseId}`);
    expect(events[1]).toMatchObject({
      type: 'AssistanceRecorded',
      metadata: { actor: 'cw-1', policyVersion: LIMITS_VERSION },
    });
    const detail = await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    expect(detail.body.assistance).toEqual([
      expect.objectContaining({
        assistanceId: res.body.assistanceId,
        status: 'disbursed',
        recordedBy: 'cw-1',
      }),
    ]);
    expect(detail.body.assistanceThisYearFen).toBe(99_999);
  });

  it('needs a reviewer other than the recorder from the threshold up: 403 SAME_ACTOR, then approval disburses', async () => {
    const caseId = await openCase(h, idNumberOf(2));
    const both = await h.as('cw-9', ['caseworker', 'reviewer'], ['u-1']);
    const pending = await both
      .post(`${HARDSHIP}/cases/${caseId}/assistance`)
      .send(assistance(100_000))
      .expect(201);
    expect(pending.body.status).toBe('pending_approval');
    const url = `${HARDSHIP}/cases/${caseId}/assistance/${pending.body.assistanceId}`;
    const before = await h.eventCount();
    expect((await both.post(`${url}/approve`).send({}).expect(403)).body.code).toBe('SAME_ACTOR');
    expect((await both.post(`${url}/reject`).send({ reason: '自己审批自己' }).expect(403)).body.code).toBe(
      'SAME_ACTOR',
    );
    await cw.post(`${url}/approve`).send({}).expect(403);
    expect(await h.eventCount()).toBe(before);
    await reviewer.post(`${url}/approve`).set('If-Match', '"1"').send({}).expect(409);
    const approved = await reviewer
      .post(`${url}/approve`)
      .set('If-Match', '"2"')
      .send({ reason: '经审核，情况属实' })
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'disbursed',
      decidedBy: 'rv-1',
      decisionReason: '经审核，情况属实',
      caseVersion: 3,
    });
    expect(approved.headers.etag).toBe('"3"');
    expect((await reviewer.post(`${url}/approve`).send({}).expect(422)).body.code).toBe('RULE_VIOLATION');
    const [, , decision] = await h.infra.store.readStream(`case-${caseId}`);
    expect(decision.metadata).toMatchObject({ actor: 'rv-1', policyVersion: LIMITS_VERSION });
  });

  it('rejects with a reason; a rejected request stops counting toward the cap', async () => {
    const caseId = await openCase(h, idNumberOf(3));
    const big = await cw.post(`${HARDSHIP}/cases/${caseId}/assistance`).send(assistance(250_000)).expect(201);
    const url = `${HARDSHIP}/cases/${caseId}/assistance/${big.body.assistanceId}`;
    await reviewer.post(`${url}/reject`).send({}).expect(400);
    const rejected = await reviewer
      .post(`${url}/reject`)
      .send({ reason: '已通过其他渠道获得救助' })
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: '已通过其他渠道获得救助' });
    const again = await cw
      .post(`${HARDSHIP}/cases/${caseId}/assistance`)
      .send(assistance(250_000))
      .expect(201);
    expect(again.body.status).toBe('pending_approval');
  });

  it('refuses the request that would pass the yearly cap with 422 RULE_VIOLATION, pending ones counted', async () => {
    const caseId = await openCase(h, idNumberOf(4));
    await cw.post(`${HARDSHIP}/cases/${caseId}/assistance`).send(assistance(200_000)).expect(201);
    await cw.post(`${HARDSHIP}/cases/${caseId}/assistance`).send(assistance(90_000)).expect(201);
    const before = await h.eventCount();
    const refused = await cw
      .post(`${HARDSHIP}/cases/${caseId}/assistance`)
      .send(assistance(10_001))
      .expect(422);
    expect(refused.body).toMatchObject({
      code: 'RULE_VIOLATION',
      capFen: 300_000,
      usedFen: 290_000,
      remainingFen: 10_000,
      year: Number(chinaToday(new Date()).slice(0, 4)),
    });
    expect(await h.eventCount()).toBe(before);
    await cw.post(`${HARDSHIP}/cases/${caseId}/assistance`).send(assistance(10_000)).expect(201);
  });

  it('validates the request (kind, category, fen bounds, text lengths, unknown fields) and stores nothing', async () => {
    const caseId = await openCase(h, idNumberOf(5));
    const before = await h.eventCount();
    const url = `${HARDSHIP}/cases/${caseId}/assistance`;
    const res = await cw
      .post(url)
      .send({ ...assistance(0), kind: 'voucher', category: 'travel', fundId: 'not-a-uuid', note: 'x' })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'amountFen',
      'category',
      'fundId',
      'kind',
      'note',
    ]);
    await cw
      .post(url)
      .send({ ...assistance(1.5) })
      .expect(400);
    await cw
      .post(url)
      .send({ ...assistance(100), description: 'x'.repeat(1001) })
      .expect(400);
    await cw
      .post(url)
      .send({ ...assistance(100), description: '   ' })
      .expect(400);
    await reviewer.post(`${url}/not-a-uuid/approve`).send({}).expect(400);
    await reviewer.post(`${url}/00000000-0000-4000-8000-000000000000/approve`).send({}).expect(404);
    expect(await h.eventCount()).toBe(before);
  });

  it('refuses assistance on another unit (403) and on a closed case (422)', async () => {
    const caseId = await openCase(h, idNumberOf(6));
    const other = await h.as('cw-2', ['caseworker'], ['u-2']);
    await other.post(`${HARDSHIP}/cases/${caseId}/assistance`).send(assistance(100)).expect(403);
    await cw.post(`${HARDSHIP}/cases/${caseId}/close`).send({ reason: 'declined' }).expect(200);
    expect(
      (await cw.post(`${HARDSHIP}/cases/${caseId}/assistance`).send(assistance(100)).expect(422)).body.code,
    ).toBe('RULE_VIOLATION');
  });

  it('replays an assistance request sent again with the same Idempotency-Key', async () => {
    const caseId = await openCase(h, idNumberOf(7));
    const url = `${HARDSHIP}/cases/${caseId}/assistance`;
    const first = await cw.post(url).set('Idempotency-Key', 'gift-7').send(assistance(5_000)).expect(201);
    const before = await h.eventCount();
    const again = await cw.post(url).set('Idempotency-Key', 'gift-7').send(assistance(5_000)).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(await h.eventCount()).toBe(before);
  });
});
