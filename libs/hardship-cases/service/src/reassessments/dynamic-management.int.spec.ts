import { addDays, addMonths, chinaToday } from '@union/kernel';
import {
  HARDSHIP,
  idNumberOf,
  openCase,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

describe('dynamic management: visits, reassessments, pairing (HTTP)', () => {
  let h: HardshipHarness;
  let cw: Client;
  const today = chinaToday(new Date());
  beforeAll(async () => {
    h = await startHardshipHarness();
    cw = await h.as('cw-1', ['caseworker'], ['u-1']);
  });
  afterAll(() => h.close());

  it('records home visits (201, ETag), lists them on the case and drives the visit-overdue worklist', async () => {
    const caseId = await openCase(h, idNumberOf(1));
    const longAgo = addDays(today, -200);
    const res = await cw
      .post(`${HARDSHIP}/cases/${caseId}/visits`)
      .send({ visitedOn: longAgo, visitor: '张红', findings: '老人卧床，收入靠低保。' })
      .expect(201);
    expect(res.body).toMatchObject({
      visitId: expect.any(String),
      caseId,
      visitedOn: longAgo,
      visitor: '张红',
      recordedBy: 'cw-1',
      caseVersion: 2,
    });
    expect(res.headers.etag).toBe('"2"');
    const overdue = await cw.get(`${HARDSHIP}/cases?visitOverdue=true`).expect(200);
    expect(overdue.body.items.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    await cw
      .post(`${HARDSHIP}/cases/${caseId}/visits`)
      .send({ visitedOn: today, visitor: '张红', findings: '孩子已返校。' })
      .expect(201);
    const detail = await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    expect(detail.body).toMatchObject({ lastVisitOn: today, visitOverdue: false });
    expect(detail.body.visits.map((v: { visitedOn: string }) => v.visitedOn)).toEqual([today, longAgo]);
    const notOverdue = await cw.get(`${HARDSHIP}/cases?visitOverdue=false`).expect(200);
    expect(notOverdue.body.items.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
  });

  it('refuses a visit in the future, a bad date, blank findings and a stale If-Match, storing nothing', async () => {
    const caseId = await openCase(h, idNumberOf(2));
    const url = `${HARDSHIP}/cases/${caseId}/visits`;
    const before = await h.eventCount();
    const future = await cw
      .post(url)
      .send({ visitedOn: addDays(today, 1), visitor: '张红', findings: '走访' })
      .expect(400);
    expect(future.body.errors).toEqual([
      { field: 'visitedOn', message: expect.stringContaining('is in the future') },
    ]);
    await cw.post(url).send({ visitedOn: '2024-02-30', visitor: '张红', findings: '走访' }).expect(400);
    await cw.post(url).send({ visitedOn: today, visitor: '张红', findings: '   ' }).expect(400);
    await cw.post(url).send({ visitedOn: today, visitor: '张红' }).expect(400);
    await cw
      .post(url)
      .set('If-Match', '"5"')
      .send({ visitedOn: today, visitor: '张红', findings: '走访' })
      .expect(409);
    expect(await h.eventCount()).toBe(before);
    const other = await h.as('cw-2', ['caseworker'], ['u-2']);
    await other.post(url).send({ visitedOn: today, visitor: '张红', findings: '走访' }).expect(403);
  });

  it('reassesses: a changed tier is recorded; above every line the case closes as out_of_hardship', async () => {
    const caseId = await openCase(h, idNumberOf(3));
    const url = `${HARDSHIP}/cases/${caseId}/reassessments`;
    const relative = await cw
      .post(url)
      .set('If-Match', '"1"')
      .send({ household: { size: 2, monthlyIncomeFen: 250_000 }, causes: ['illness', 'education'] })
      .expect(200);
    expect(relative.body).toMatchObject({
      status: 'open',
      tier: 'relative',
      causes: ['illness', 'education'],
      nextReviewDue: addMonths(today, 12),
      version: 3,
    });
    expect(relative.headers.etag).toBe('"3"');
    const types = (await h.infra.store.readStream(`case-${caseId}`)).map((e) => [
      e.type,
      e.metadata.policyVersion,
    ]);
    expect(types).toEqual([
      ['HardshipCaseOpened', 'default-1'],
      ['HardshipCaseReassessed', 'default-1'],
      ['HardshipTierChanged', 'default-1'],
    ]);
    const emergency = await cw
      .post(url)
      .send({ household: { size: 1, monthlyIncomeFen: 200_000 }, emergencyExpenseFen: 2_400_000 })
      .expect(200);
    expect(emergency.body).toMatchObject({ tier: 'emergency', nextReviewDue: addMonths(today, 6) });
    const out = await cw
      .post(url)
      .send({ household: { size: 1, monthlyIncomeFen: 500_000 } })
      .expect(200);
    expect(out.body).toMatchObject({
      status: 'closed',
      closedReason: 'out_of_hardship',
      tier: 'emergency',
      nextReviewDue: null,
    });
    await cw
      .post(url)
      .send({ household: { size: 1, monthlyIncomeFen: 50_000 } })
      .expect(422);
    await cw
      .post(url)
      .send({ household: { size: 1 }, causes: [] })
      .expect(400);
  });

  it('applies the region policy published by an admin, and records its version on the decision', async () => {
    const admin = await h.as('ad-1', ['admin'], ['u-elsewhere']);
    await cw
      .put(`${HARDSHIP}/policies/regions/320102`)
      .send({ minimumLivingStandardFen: 110_000, relativeMultiplierBp: 15_000 })
      .expect(403);
    const published = await admin
      .put(`${HARDSHIP}/policies/regions/320102`)
      .send({ minimumLivingStandardFen: 110_000, relativeMultiplierBp: 15_000 })
      .expect(200);
    expect(published.body).toMatchObject({ policyVersion: '320102-1', minimumLivingStandardFen: 110_000 });
    expect(published.headers.etag).toBe('"1"');
    await admin
      .put(`${HARDSHIP}/policies/regions/320102`)
      .set('If-Match', '"0"')
      .send({ minimumLivingStandardFen: 120_000, relativeMultiplierBp: 15_000 })
      .expect(409);
    await admin
      .put(`${HARDSHIP}/policies/regions/3201`)
      .send({ minimumLivingStandardFen: 120_000, relativeMultiplierBp: 15_000 })
      .expect(400);
    await admin
      .put(`${HARDSHIP}/policies/regions/320102`)
      .send({ minimumLivingStandardFen: 0, relativeMultiplierBp: 9_999 })
      .expect(400);
    // 1,000 yuan per capita: above the default line of 900, under Nanjing's 1,100.
    const caseId = await openCase(h, idNumberOf(4), {
      regionCode: '320102',
      household: { size: 2, monthlyIncomeFen: 200_000 },
    });
    const opened = await cw.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    expect(opened.body).toMatchObject({ tier: 'deep', policyVersion: '320102-1' });
    const second = await admin
      .put(`${HARDSHIP}/policies/regions/320102`)
      .set('If-Match', '"1"')
      .send({ minimumLivingStandardFen: 90_000, relativeMultiplierBp: 12_000 })
      .expect(200);
    expect(second.body.policyVersion).toBe('320102-2');
    expect((await cw.get(`${HARDSHIP}/policies/regions/320102`).expect(200)).headers.etag).toBe('"2"');
    const reassessed = await cw
      .post(`${HARDSHIP}/cases/${caseId}/reassessments`)
      .send({ household: { size: 2, monthlyIncomeFen: 200_000 } })
      .expect(200);
    expect(reassessed.body).toMatchObject({ tier: 'relative', policyVersion: '320102-2' });
    const [publication] = await h.infra.store.readStream('policy-320102');
    expect(publication.metadata).toMatchObject({ actor: 'ad-1', policyVersion: '320102-1' });
  });

  it('pairs a helper (PUT): the same helper again changes nothing; a new one ends the previous pairing', async () => {
    const caseId = await openCase(h, idNumberOf(5));
    const url = `${HARDSHIP}/cases/${caseId}/pairing`;
    const first = await cw
      .put(url)
      .send({ helperName: '李志强', helperUnit: '市总工会机关党支部' })
      .expect(200);
    expect(first.body).toMatchObject({
      pairing: { helperName: '李志强', helperUnit: '市总工会机关党支部', assignedOn: today },
      version: 2,
    });
    const same = await cw
      .put(url)
      .set('If-Match', '"2"')
      .send({ helperName: '李志强', helperUnit: '市总工会机关党支部' })
      .expect(200);
    expect(same.headers.etag).toBe('"2"');
    await cw.put(url).set('If-Match', '"1"').send({ helperName: '赵敏', helperUnit: '区工会' }).expect(409);
    const next = await cw.put(url).send({ helperName: '赵敏', helperUnit: '区工会' }).expect(200);
    expect(next.body.pairing).toMatchObject({ helperName: '赵敏' });
    const [, , assigned] = await h.infra.store.readStream(`case-${caseId}`);
    expect(assigned.data).toMatchObject({ helperName: '赵敏', previous: { helperName: '李志强' } });
    await cw.put(url).send({ helperName: '', helperUnit: '区工会', extra: 1 }).expect(400);
  });

  it('lists reviews due before a date', async () => {
    const caseId = await openCase(h, idNumberOf(6));
    const due = await cw
      .get(`${HARDSHIP}/cases?reviewDueBefore=${addMonths(today, 13)}&status=open`)
      .expect(200);
    expect(due.body.items.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    const notYet = await cw.get(`${HARDSHIP}/cases?reviewDueBefore=${today}`).expect(200);
    expect(notYet.body.items.map((c: { caseId: string }) => c.caseId)).not.toContain(caseId);
    await cw.get(`${HARDSHIP}/cases?reviewDueBefore=tomorrow&pageSize=501`).expect(400);
  });
});
