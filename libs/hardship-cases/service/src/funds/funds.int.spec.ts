// Special funds over HTTP on PGlite (DOMAIN.md §4): set up, passed down the tree, drawn by
// assistance in the case's transaction, given back on rejection, listed by subtree, reported.
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

// Four eyes from 1,000 yuan; a cap well above what the tests give.
const ENV = { HARDSHIP_APPROVAL_THRESHOLD_FEN: '100000', HARDSHIP_ANNUAL_ASSISTANCE_CAP_FEN: '2000000' };

describe('special funds (HTTP)', () => {
  let h: HardshipHarness;
  let admin: Client;
  let cw: Client;
  let reviewer: Client;
  let provFund: string;
  let cityAFund: string;
  let cityBFund: string;
  beforeAll(async () => {
    h = await startHardshipHarness(ENV);
    // prov ─┬─ cityA ── u-1 (the unit of the cases)
    //       └─ cityB
    await growTree(h, [
      ['prov', ''],
      ['cityA', 'prov'],
      ['cityB', 'prov'],
      ['u-1', 'cityA'],
    ]);
    admin = await h.as('admin-1', ['admin'], ['*']);
    cw = await h.as('cw-1', ['caseworker'], ['u-1']);
    reviewer = await h.as('rv-1', ['reviewer'], ['*']);
  });
  afterAll(() => h.close());

  const fund = async (fundId: string) => (await admin.get(`${HARDSHIP}/funds/${fundId}`).expect(200)).body;
  const give = (caseId: string, fundId: string, amountFen: number, category = 'living') =>
    cw.post(`${HARDSHIP}/cases/${caseId}/assistance`).send({
      kind: 'cash',
      category,
      amountFen,
      fundId,
      description: '生活困难补助',
    });

  it('creates a fund and allocates down to children: exactly the remainder works, one fen more is 409', async () => {
    const created = await admin
      .post(`${HARDSHIP}/funds`)
      .send({
        name: '2025年帮扶专项资金',
        year: 2025,
        category: 'any',
        holderOrgId: 'prov',
        amountFen: 1_000_000,
      })
      .expect(201);
    provFund = created.body.fundId;
    expect(created.body).toMatchObject({
      amountFen: 1_000_000,
      allocatedFen: 0,
      spentFen: 0,
      remainingFen: 1_000_000,
    });
    const to = (toOrgId: string, amountFen: number) =>
      admin.post(`${HARDSHIP}/funds/${provFund}/allocations`).send({ toOrgId, amountFen, note: '第一批' });

    const a = await to('cityA', 600_000).expect(201);
    cityAFund = a.body.fundId;
    expect(a.body).toMatchObject({
      holderOrgId: 'cityA',
      parentFundId: provFund,
      amountFen: 600_000,
      category: 'any',
    });

    const before = await h.eventCount();
    const grandchild = await to('u-1', 1).expect(422);
    expect(grandchild.body).toMatchObject({ code: 'RULE_VIOLATION', errors: [{ field: 'toOrgId' }] });
    const tooMuch = await to('cityB', 400_001).expect(409);
    expect(tooMuch.body).toMatchObject({
      code: 'BUDGET_EXHAUSTED',
      remainingFen: 400_000,
      requestedFen: 400_001,
    });
    expect(await h.eventCount()).toBe(before);

    cityBFund = (await to('cityB', 400_000).expect(201)).body.fundId;
    expect(await fund(provFund)).toMatchObject({ allocatedFen: 1_000_000, spentFen: 0, remainingFen: 0 });
    await (await h.as('rv-1', ['reviewer'], ['*'])).post(`${HARDSHIP}/funds`).send({}).expect(403);
  });

  it("draws from a fund of the case's unit or above, of its category or any; otherwise 422 on fundId", async () => {
    const caseId = await openCase(h, idNumberOf(1));
    const ok = await give(caseId, cityAFund, 50_000).expect(201);
    expect(ok.body).toMatchObject({ fundId: cityAFund, status: 'disbursed' });
    expect(ok.body).not.toHaveProperty('fundSource');
    const drawn = await h.infra.store.readStream(`fund-${cityAFund}`);
    expect(drawn.at(-1)).toMatchObject({
      type: 'FundDrawn',
      data: { assistanceId: ok.body.assistanceId, caseId, amountFen: 50_000 },
    });
    expect(await fund(cityAFund)).toMatchObject({ spentFen: 50_000, remainingFen: 550_000 });

    const medical = await createFund(h, { holderOrgId: 'u-1', category: 'medical', amountFen: 10_000 });
    const before = await h.eventCount();
    for (const fundId of [cityBFund, medical]) {
      const res = await give(caseId, fundId, 1_000).expect(422);
      expect(res.body).toMatchObject({ code: 'RULE_VIOLATION', errors: [{ field: 'fundId' }] });
    }
    const unknown = await give(caseId, '00000000-0000-4000-8000-000000000000', 1_000).expect(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'fundId' })]);
    expect(await h.eventCount()).toBe(before);
  });

  it('draws the exact remainder; one fen more is 409 and stores nothing on the case or the fund', async () => {
    const caseId = await openCase(h, idNumberOf(2));
    const small = await createFund(h, { holderOrgId: 'cityA', category: 'living', amountFen: 90_000 });
    await give(caseId, small, 60_000).expect(201);
    const before = await h.eventCount();
    const res = await give(caseId, small, 30_001).expect(409);
    expect(res.body).toMatchObject({ code: 'BUDGET_EXHAUSTED', remainingFen: 30_000 });
    expect(await h.eventCount()).toBe(before);
    await give(caseId, small, 30_000).expect(201);
    expect(await fund(small)).toMatchObject({ spentFen: 90_000, remainingFen: 0 });
  });

  it('draws a pending request at once and gives it back when a reviewer rejects it', async () => {
    const caseId = await openCase(h, idNumberOf(3));
    const pending = await give(caseId, cityAFund, 200_000).expect(201);
    expect(pending.body.status).toBe('pending_approval');
    expect(await fund(cityAFund)).toMatchObject({ spentFen: 250_000, remainingFen: 350_000 });
    await reviewer
      .post(`${HARDSHIP}/cases/${caseId}/assistance/${pending.body.assistanceId}/reject`)
      .send({ reason: '已通过其他渠道获得救助' })
      .expect(200);
    const events = await h.infra.store.readStream(`fund-${cityAFund}`);
    expect(events.at(-1)).toMatchObject({
      type: 'FundDrawReturned',
      data: { assistanceId: pending.body.assistanceId, amountFen: 200_000 },
    });
    expect(await fund(cityAFund)).toMatchObject({ spentFen: 50_000, remainingFen: 550_000 });
  });

  it("lists the funds of the caller's subtrees and of their ancestors, never a sibling's", async () => {
    const ids = async (client: Client, query = '') =>
      (
        (await client.get(`${HARDSHIP}/funds?pageSize=100${query}`).expect(200)).body.items as {
          fundId: string;
        }[]
      ).map((f) => f.fundId);
    const mine = await ids(cw);
    expect(mine).toEqual(expect.arrayContaining([provFund, cityAFund]));
    expect(mine).not.toContain(cityBFund);
    const cityB = await h.as('cw-b', ['caseworker'], ['cityB']);
    expect(await ids(cityB)).toEqual([provFund, cityBFund]);
    expect(await ids(cityB, '&holderOrgId=cityB')).toEqual([cityBFund]);
    expect(await ids(cityB, '&category=medical')).toEqual([]);
    await cw.get(`${HARDSHIP}/funds/${cityBFund}`).expect(403);
    expect((await cityB.get(`${HARDSHIP}/funds/${provFund}`).expect(200)).body.remainingFen).toBe(0);
  });

  it('reports received, allocated, spent and remaining by child node, adding up to the fen', async () => {
    await cw.get(`${HARDSHIP}/funds/${provFund}/report`).expect(403);
    const res = await reviewer.get(`${HARDSHIP}/funds/${provFund}/report?groupBy=child`).expect(200);
    const cityA = await fund(cityAFund);
    expect(res.body.fund).toMatchObject({
      receivedFen: 1_000_000,
      allocatedFen: 1_000_000,
      spentFen: 0,
      remainingFen: 0,
    });
    expect(res.body.byChild).toEqual([
      expect.objectContaining({
        orgId: 'cityA',
        receivedFen: 600_000,
        spentFen: cityA.spentFen,
        remainingFen: cityA.remainingFen,
      }),
      expect.objectContaining({ orgId: 'cityB', receivedFen: 400_000, spentFen: 0, remainingFen: 400_000 }),
    ]);
    expect(res.body.total.spentFen + res.body.total.remainingFen).toBe(1_000_000);
    await reviewer.get(`${HARDSHIP}/funds/${provFund}/report?groupBy=unit`).expect(400);
  });
});
