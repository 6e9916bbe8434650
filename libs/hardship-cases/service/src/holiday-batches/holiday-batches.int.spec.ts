// Holiday warmth batches over HTTP on PGlite (DOMAIN.md §4, issue 15): prepare with a preview of
// every household, four eyes, refused whole when the fund is short, and a run that records one
// `holiday` assistance per case through the case decider.
import { HolidayBatchRunner } from './holiday-batch-runner';
import {
  HARDSHIP,
  createFund,
  growTree,
  idNumberOf,
  openCase,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

// A cap of 3,000 yuan a year, so a case can be brought near it; chunks of 2 lines.
const ENV = {
  HARDSHIP_APPROVAL_THRESHOLD_FEN: '100000',
  HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN: '300000',
  HARDSHIP_BATCH_CHUNK_SIZE: '2',
  HARDSHIP_BATCH_POLL_MS: '60000',
};
const PAID_ON = `${new Date().getUTCFullYear()}-12-20`;

describe('holiday batches (HTTP)', () => {
  let h: HardshipHarness;
  let admin: Client;
  let cw: Client;
  let reviewer: Client;
  const open: string[] = [];
  let closed: string;
  let nearCap: string;
  let otherTier: string;

  beforeAll(async () => {
    h = await startHardshipHarness(ENV);
    // The runs here are driven by the test (runPending), so that a case can be closed between
    // approval and run; the background runner, which an approval nudges, stays off.
    await h.infra.leaders.batches.stop();
    await growTree(h, [
      ['city', ''],
      ['u-1', 'city'],
    ]);
    admin = await h.as('admin-1', ['admin'], ['*']);
    cw = await h.as('cw-1', ['caseworker'], ['city']);
    reviewer = await h.as('rv-1', ['reviewer'], ['*']);
    for (let n = 1; n <= 5; n++) open.push(await openCase(h, idNumberOf(100 + n)));
    closed = await openCase(h, idNumberOf(110));
    const cwUnit = await h.as('cw-1', ['caseworker'], ['u-1']);
    await cwUnit.post(`${HARDSHIP}/cases/${closed}/close`).send({ reason: 'moved_away' }).expect(200);
    nearCap = await openCase(h, idNumberOf(111));
    const spare = await createFund(h, { holderOrgId: 'city', category: 'any' });
    await cwUnit
      .post(`${HARDSHIP}/cases/${nearCap}/assistance`)
      .send({ kind: 'cash', category: 'living', amountFen: 99_999, fundId: spare, description: '生活补助' })
      .expect(201);
    await cwUnit
      .post(`${HARDSHIP}/cases/${nearCap}/assistance`)
      .send({ kind: 'cash', category: 'living', amountFen: 99_999, fundId: spare, description: '生活补助' })
      .expect(201);
    // An emergency-tier case is outside a batch of the deep tier.
    otherTier = await openCase(h, idNumberOf(112), {
      household: { size: 4, monthlyIncomeFen: 2_000_000 },
      emergencyExpenseFen: 50_000_000,
    });
  });
  afterAll(() => h.close());

  const prepare = (fundId: string, overrides: Record<string, unknown> = {}) =>
    cw.post(`${HARDSHIP}/holiday-batches`).send({
      name: '春节送温暖',
      orgId: 'city',
      fundId,
      tiers: ['deep'],
      amountsByTierFen: { deep: 150_000 },
      paidOn: PAID_ON,
      ...overrides,
    });
  const lines = async (batchId: string, status: string) =>
    (
      await reviewer
        .get(`${HARDSHIP}/holiday-batches/${batchId}/lines?status=${status}&pageSize=500`)
        .expect(200)
    ).body as { items: { caseId: string; reason: string | null; amountFen: number }[]; total: number };
  const holidayOf = async (caseId: string, batchId: string) => {
    const auditor = await h.as('au-1', ['auditor'], ['*']);
    const detail = await auditor.get(`${HARDSHIP}/cases/${caseId}`).expect(200);
    const events = await h.infra.store.readStream(`case-${caseId}`);
    return {
      rows: (detail.body.assistance as { category: string; amountFen: number }[]).filter(
        (a) => a.category === 'holiday',
      ),
      events: events.filter((e) => (e.data as { batchId?: string }).batchId === batchId),
      yearFen: detail.body.assistanceThisYearFen as number,
    };
  };

  it('prepares, previews, is approved by another reviewer, and records exactly one holiday assistance per case', async () => {
    const fundId = await createFund(h, { holderOrgId: 'city', category: 'holiday', amountFen: 900_000 });
    const draft = await prepare(fundId).expect(201);
    const batchId = draft.body.batchId as string;
    expect(draft.body).toMatchObject({
      status: 'draft',
      totals: { includedCount: 5, totalFen: 750_000, excludedCount: 2 },
      progress: { recorded: 0, total: 5 },
    });
    expect((await lines(batchId, 'included')).items.map((l) => l.caseId).sort()).toEqual([...open].sort());
    const excluded = (await lines(batchId, 'excluded')).items;
    expect(Object.fromEntries(excluded.map((l) => [l.caseId, l.reason]))).toEqual({
      [closed]: 'CASE_CLOSED',
      [nearCap]: 'YEARLY_CAP',
    });
    expect(excluded.map((l) => l.caseId)).not.toContain(otherTier);

    const both = await h.as('cw-1', ['reviewer'], ['*']);
    const before = await h.eventCount();
    expect(
      (await both.post(`${HARDSHIP}/holiday-batches/${batchId}/approve`).send({}).expect(403)).body.code,
    ).toBe('SAME_ACTOR');
    await cw.post(`${HARDSHIP}/holiday-batches/${batchId}/approve`).send({}).expect(403);
    expect(await h.eventCount()).toBe(before);

    // A case closed between approval and run is not paid: its line is marked and its money released.
    const approved = await reviewer
      .post(`${HARDSHIP}/holiday-batches/${batchId}/approve`)
      .send({})
      .expect(200);
    expect(approved.body.status).toBe('approved');
    const cwUnit = await h.as('cw-1', ['caseworker'], ['u-1']);
    await cwUnit.post(`${HARDSHIP}/cases/${open[4]}/close`).send({ reason: 'declined' }).expect(200);
    await h.app.get(HolidayBatchRunner).runPending();
    await h.app.get(HolidayBatchRunner).runPending();

    const done = await reviewer.get(`${HARDSHIP}/holiday-batches/${batchId}`).expect(200);
    expect(done.body).toMatchObject({
      status: 'done',
      progress: { recorded: 4, total: 5, recordedFen: 600_000, unrecorded: 1, releasedFen: 150_000 },
    });
    expect((await lines(batchId, 'recorded')).total).toBe(4);
    expect((await lines(batchId, 'unrecorded')).items).toEqual([
      expect.objectContaining({ caseId: open[4], reason: 'CASE_CLOSED' }),
    ]);
    for (const caseId of open.slice(0, 4)) {
      const got = await holidayOf(caseId, batchId);
      expect(got.rows).toEqual([expect.objectContaining({ amountFen: 150_000, status: 'disbursed' })]);
      expect(got.events).toHaveLength(1);
      expect(got.events[0].metadata).toMatchObject({ actor: 'rv-1', batchId });
    }
    expect((await holidayOf(open[4], batchId)).events).toHaveLength(0);
    const fund = (await admin.get(`${HARDSHIP}/funds/${fundId}`).expect(200)).body;
    expect(fund).toMatchObject({ spentFen: 600_000, remainingFen: 300_000 });
    const verify = await (await h.as('au-1', ['auditor'], ['*'])).get('/api/v1/audit/verify').expect(200);
    expect(verify.body.valid).toBe(true);
  });

  it('refuses the whole batch when the fund is one fen short: nothing reserved, nothing recorded', async () => {
    const fundId = await createFund(h, { holderOrgId: 'city', category: 'holiday', amountFen: 599_999 });
    const draft = await prepare(fundId, { orgId: 'u-1', amountsByTierFen: { deep: 150_000 } }).expect(201);
    const batchId = draft.body.batchId as string;
    expect(draft.body.totals).toMatchObject({ includedCount: 4, totalFen: 600_000 });
    const refused = await reviewer
      .post(`${HARDSHIP}/holiday-batches/${batchId}/approve`)
      .send({})
      .expect(200);
    expect(refused.body).toMatchObject({ status: 'refused', refusal: { code: 'FUND_INSUFFICIENT' } });
    await h.app.get(HolidayBatchRunner).runPending();
    for (const caseId of open.slice(0, 4)) expect((await holidayOf(caseId, batchId)).events).toHaveLength(0);
    expect((await admin.get(`${HARDSHIP}/funds/${fundId}`).expect(200)).body).toMatchObject({ spentFen: 0 });
    await reviewer.post(`${HARDSHIP}/holiday-batches/${batchId}/approve`).send({}).expect(422);
  });

  it('validates the request and the fund, and rejects with a reason', async () => {
    const fundId = await createFund(h, { holderOrgId: 'city', category: 'holiday' });
    const before = await h.eventCount();
    await prepare(fundId, { tiers: ['deep'], amountsByTierFen: { deep: 0 } }).expect(400);
    await prepare(fundId, { tiers: ['poor'] }).expect(400);
    await prepare(fundId, { paidOn: '2025-02-30' }).expect(400);
    const medical = await createFund(h, { holderOrgId: 'city', category: 'medical' });
    const after = await h.eventCount();
    expect((await prepare(medical).expect(422)).body.errors[0].field).toBe('fundId');
    const elsewhere = await h.as('cw-2', ['caseworker'], ['u-9']);
    await elsewhere
      .post(`${HARDSHIP}/holiday-batches`)
      .send({
        name: 'x',
        orgId: 'city',
        fundId,
        tiers: ['deep'],
        amountsByTierFen: { deep: 1 },
        paidOn: PAID_ON,
      })
      .expect(403);
    expect(await h.eventCount()).toBe(after);
    expect(after).toBeGreaterThan(before);
    const draft = await prepare(fundId).expect(201);
    const url = `${HARDSHIP}/holiday-batches/${draft.body.batchId as string}`;
    await reviewer.post(`${url}/reject`).send({}).expect(400);
    const rejected = await reviewer.post(`${url}/reject`).send({ reason: '名单需重新核对' }).expect(200);
    expect(rejected.body).toMatchObject({
      status: 'refused',
      refusal: { code: 'REJECTED', reason: '名单需重新核对' },
    });
  });
});
