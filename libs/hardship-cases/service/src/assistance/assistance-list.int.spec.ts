// The pending lists the approvals inbox is composed from (issue 16), over HTTP on PGlite:
// assistance across cases (`GET /assistance`) and holiday batches (`GET /holiday-batches`), each
// with what the decision needs, scoped to the caller's subtrees, and `submittedByNot`.
import {
  HARDSHIP,
  createFund,
  growTree,
  idNumberOf,
  openCase,
  openCaseBody,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

// Four eyes from 1,000 yuan; 3,000 yuan a year per case.
const ENV = {
  HARDSHIP_APPROVAL_THRESHOLD_FEN: '100000',
  HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN: '300000',
  HARDSHIP_BATCH_POLL_MS: '60000',
};
const YEAR = new Date().getUTCFullYear();

describe('pending lists for the approvals inbox (HTTP)', () => {
  let h: HardshipHarness;
  let cw: Client;
  let both: Client;
  let reviewer: Client;
  let fundId: string;
  let caseId: string;
  let otherUnitCase: string;
  let pendingByCw: string;
  let pendingByBoth: string;

  const give = (client: Client, id: string, amountFen: number, fund = fundId) =>
    client
      .post(`${HARDSHIP}/cases/${id}/assistance`)
      .send({ kind: 'cash', category: 'medical', amountFen, fundId: fund, description: '住院医疗救助' })
      .expect(201);

  beforeAll(async () => {
    h = await startHardshipHarness(ENV);
    await h.infra.leaders.batches.stop();
    await growTree(h, [
      ['city', ''],
      ['u-1', 'city'],
      ['u-2', 'city'],
    ]);
    fundId = await createFund(h, {
      holderOrgId: 'city',
      name: '市总工会医疗救助资金',
      amountFen: 10_000_000,
    });
    cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    both = await h.as('rv-both', ['caseworker', 'reviewer'], ['u-1']);
    reviewer = await h.as('rv-1', ['reviewer'], ['u-1']);
    caseId = await openCase(h, idNumberOf(1));
    const cw2 = await h.as('cw-2', ['caseworker'], ['u-2']);
    const opened = await cw2
      .post(`${HARDSHIP}/cases`)
      .send(openCaseBody(idNumberOf(2), { unitId: 'u-2' }))
      .expect(201);
    otherUnitCase = (opened.body as { caseId: string }).caseId;
    await give(cw, caseId, 50_000); // below the threshold: disbursed at once
    pendingByCw = (await give(cw, caseId, 120_000)).body.assistanceId as string;
    pendingByBoth = (await give(both, caseId, 100_000)).body.assistanceId as string;
    await give(cw2, otherUnitCase, 150_000);
  });
  afterAll(() => h.close());

  it('lists the assistance waiting for a second reviewer, with its case, its year against the cap and its fund', async () => {
    const res = await reviewer.get(`${HARDSHIP}/assistance?status=pending_approval`).expect(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 50, total: 2 });
    const ids = (res.body.items as { assistanceId: string }[]).map((i) => i.assistanceId);
    expect(ids.sort()).toEqual([pendingByCw, pendingByBoth].sort());
    const item = (res.body.items as Record<string, unknown>[]).find((i) => i.assistanceId === pendingByCw);
    expect(item).toMatchObject({
      caseId,
      amountFen: 120_000,
      status: 'pending_approval',
      recordedBy: 'cw-1',
      recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      case: {
        caseId,
        version: 4,
        status: 'open',
        tier: 'deep',
        person: { idNumberMasked: expect.stringContaining('********'), name: '王建国' },
        unitId: 'u-1',
        regionCode: '110105',
      },
      // 500 + 1,200 + 1,000 yuan recorded this year, all counting toward the 3,000 yuan cap.
      cap: {
        year: YEAR,
        usedFen: 270_000,
        capFen: 300_000,
        remainingFen: 30_000,
        approvalThresholdFen: 100_000,
        policyVersion: 'assistance-100000-300000',
      },
      fund: { fundId, name: '市总工会医疗救助资金', remainingFen: 10_000_000 - 270_000 - 150_000 },
    });
    expect(JSON.stringify(res.body)).not.toContain(idNumberOf(1));
  });

  it('leaves out what a given user recorded (submittedByNot), and filters by unit and status', async () => {
    const mine = await reviewer
      .get(`${HARDSHIP}/assistance?status=pending_approval&submittedByNot=rv-both`)
      .expect(200);
    expect(mine.body.total).toBe(1);
    expect(mine.body.items[0].assistanceId).toBe(pendingByCw);
    const disbursed = await cw.get(`${HARDSHIP}/assistance?status=disbursed&unitId=u-1`).expect(200);
    expect(disbursed.body.items.map((i: { amountFen: number }) => i.amountFen)).toEqual([50_000]);
    await reviewer.get(`${HARDSHIP}/assistance?status=waiting`).expect(400);
    await reviewer.get(`${HARDSHIP}/assistance?recordedBy=cw-1`).expect(400);
    await reviewer.get(`${HARDSHIP}/assistance?submittedByNot=`).expect(400);
  });

  it('shows a caseworker or reviewer only their subtrees (403 for another unit asked for), an auditor everything; admins not at all', async () => {
    const cityReviewer = await h.as('rv-city', ['reviewer'], ['city']);
    expect(
      (await cityReviewer.get(`${HARDSHIP}/assistance?status=pending_approval`).expect(200)).body.total,
    ).toBe(3);
    await reviewer.get(`${HARDSHIP}/assistance?unitId=u-2`).expect(403);
    const auditor = await h.as('au-1', ['auditor'], ['u-9']);
    expect((await auditor.get(`${HARDSHIP}/assistance?status=pending_approval`).expect(200)).body.total).toBe(
      3,
    );
    const admin = await h.as('admin-1', ['admin'], ['*']);
    await admin.get(`${HARDSHIP}/assistance`).expect(403);
  });

  it('drops a decided request from the pending list; the decision still refuses its recorder (SAME_ACTOR)', async () => {
    const url = `${HARDSHIP}/cases/${caseId}/assistance`;
    expect((await both.post(`${url}/${pendingByBoth}/approve`).send({}).expect(403)).body.code).toBe(
      'SAME_ACTOR',
    );
    await reviewer.post(`${url}/${pendingByCw}/reject`).send({ reason: '已获民政临时救助' }).expect(200);
    const res = await reviewer.get(`${HARDSHIP}/assistance?status=pending_approval`).expect(200);
    expect(res.body.items.map((i: { assistanceId: string }) => i.assistanceId)).toEqual([pendingByBoth]);
    // The rejected request no longer counts toward the year.
    expect(res.body.items[0].cap).toMatchObject({ usedFen: 150_000, remainingFen: 150_000 });
  });

  it('lists holiday batches of the subtrees, newest first, with their fund; drafts by preparer filtered out', async () => {
    const holiday = await createFund(h, { holderOrgId: 'city', category: 'holiday', name: '送温暖资金' });
    const admin = await h.as('admin-1', ['admin'], ['*']);
    const prepare = (client: Client, orgId: string, name: string) =>
      client
        .post(`${HARDSHIP}/holiday-batches`)
        .send({
          name,
          orgId,
          fundId: holiday,
          tiers: ['deep', 'relative'],
          amountsByTierFen: { deep: 20_000, relative: 10_000 },
          paidOn: `${YEAR}-12-20`,
        })
        .expect(201);
    const byCw = (await prepare(cw, 'u-1', '金秋慰问')).body.batchId as string;
    const byAdmin = (await prepare(admin, 'city', '春节送温暖')).body.batchId as string;
    const list = await reviewer.get(`${HARDSHIP}/holiday-batches?status=draft`).expect(200);
    // A reviewer of u-1 sees u-1's batch, not the city's.
    expect(list.body.items.map((b: { batchId: string }) => b.batchId)).toEqual([byCw]);
    const cityReviewer = await h.as('rv-city', ['reviewer'], ['city']);
    const all = await cityReviewer.get(`${HARDSHIP}/holiday-batches?status=draft`).expect(200);
    expect(all.body.items.map((b: { batchId: string }) => b.batchId)).toEqual([byAdmin, byCw]);
    expect(all.body.items[0]).toMatchObject({
      name: '春节送温暖',
      orgId: 'city',
      status: 'draft',
      preparedBy: 'admin-1',
      totals: { includedCount: 2, totalFen: 40_000, excludedCount: 0 },
      fund: { fundId: holiday, name: '送温暖资金', remainingFen: 100_000_000 },
    });
    const notAdmins = await cityReviewer
      .get(`${HARDSHIP}/holiday-batches?status=draft&submittedByNot=admin-1&orgId=city`)
      .expect(200);
    expect(notAdmins.body).toMatchObject({ total: 1, items: [{ batchId: byCw }] });
    await reviewer.get(`${HARDSHIP}/holiday-batches?orgId=city`).expect(403);
    await reviewer.get(`${HARDSHIP}/holiday-batches?status=pending`).expect(400);
    await admin.get(`${HARDSHIP}/holiday-batches`).expect(403);
  });
});
