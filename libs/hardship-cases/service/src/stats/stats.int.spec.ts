import { chinaToday } from '@union/kernel';
import {
  HARDSHIP,
  createFund,
  growTree,
  idNumberOf,
  openCaseBody,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

const year = Number(chinaToday(new Date()).slice(0, 4));
/** The funds by name, all held by `prov`, above both units. */
const funds: Record<string, string> = {};
const give = (category: string, amountFen: number, fund: string) => ({
  kind: 'cash',
  category,
  amountFen,
  fundId: funds[fund],
  description: '帮扶',
});
const zero = { count: 0, amountFen: 0 };

describe('yearly figures: people assisted (人次), amounts by category and fund (HTTP)', () => {
  let h: HardshipHarness;
  let cw1: Client;
  let reviewer: Client;
  let pendingUrl: string;

  beforeAll(async () => {
    h = await startHardshipHarness();
    await growTree(h, [
      ['prov', ''],
      ['u-1', 'prov'],
      ['u-2', 'prov'],
    ]);
    for (const name of ['送温暖专项资金', '工会帮扶专项资金', '金秋助学资金'])
      funds[name] = await createFund(h, { name, holderOrgId: 'prov' });
    cw1 = await h.as('cw-1', ['caseworker'], ['u-1']);
    const cw2 = await h.as('cw-2', ['caseworker'], ['u-2']);
    reviewer = await h.as('rv-1', ['reviewer'], ['*']);
    const open = async (cw: Client, n: number, unitId: string, household?: object) =>
      (
        await cw
          .post(`${HARDSHIP}/cases`)
          .send(openCaseBody(idNumberOf(n), { unitId, ...(household ? { household } : {}) }))
          .expect(201)
      ).body.caseId as string;
    const a = await open(cw1, 1, 'u-1');
    const b = await open(cw1, 2, 'u-1');
    // 1,200 yuan a head: above the 900 line, under 1,350: relative.
    const c = await open(cw2, 3, 'u-2', { size: 2, monthlyIncomeFen: 240_000 });
    // A closed file is no open case.
    const closed = await open(cw1, 4, 'u-1');
    await cw1.post(`${HARDSHIP}/cases/${closed}/close`).send({ reason: 'moved_away' }).expect(200);
    const record = (cw: Client, caseId: string, body: object) =>
      cw.post(`${HARDSHIP}/cases/${caseId}/assistance`).send(body).expect(201);
    await record(cw1, a, give('holiday', 100_000, '送温暖专项资金'));
    await record(cw1, a, give('medical', 300_000, '工会帮扶专项资金'));
    await record(cw1, b, give('living', 50_000, '送温暖专项资金'));
    await record(cw2, c, give('emergency', 70_000, '工会帮扶专项资金'));
    // The DOMAIN.md default threshold (5,000 yuan) applies: these wait for a reviewer.
    const pending = await record(cw1, b, give('education', 500_000, '金秋助学资金'));
    expect(pending.body.status).toBe('pending_approval');
    pendingUrl = `${HARDSHIP}/cases/${b}/assistance/${pending.body.assistanceId}`;
    const rejected = await record(cw1, a, give('living', 600_000, '工会帮扶专项资金'));
    await reviewer
      .post(`${HARDSHIP}/cases/${a}/assistance/${rejected.body.assistanceId}/reject`)
      .send({ reason: '不符合条件' })
      .expect(200);
  });
  afterAll(() => h.close());

  it('gives every unit to an auditor: disbursed assistance only, pending apart, rejected never', async () => {
    const auditor = await h.as('au-1', ['auditor'], ['u-elsewhere']);
    const res = await auditor.get(`${HARDSHIP}/stats?year=${year}`).expect(200);
    expect(res.body).toEqual({
      year,
      unitId: null,
      peopleAssisted: 4,
      distinctPeople: 3,
      totalFen: 520_000,
      byCategory: {
        living: { count: 1, amountFen: 50_000 },
        medical: { count: 1, amountFen: 300_000 },
        education: zero,
        holiday: { count: 1, amountFen: 100_000 },
        emergency: { count: 1, amountFen: 70_000 },
      },
      byFundSource: {
        [funds['送温暖专项资金']]: { count: 2, amountFen: 150_000 },
        [funds['工会帮扶专项资金']]: { count: 2, amountFen: 370_000 },
      },
      pendingApproval: { count: 1, amountFen: 500_000 },
      openCases: { total: 3, byTier: { deep: 2, relative: 1, emergency: 0 } },
    });
  });

  it('counts the open cases by tier for the whole and for each child node', async () => {
    const res = await reviewer.get(`${HARDSHIP}/stats?year=${year}&orgId=prov&groupBy=child`).expect(200);
    expect(res.body.openCases).toEqual({ total: 3, byTier: { deep: 2, relative: 1, emergency: 0 } });
    expect(
      (res.body.byChild as { orgId: string; openCases: unknown }[]).map((c) => [c.orgId, c.openCases]),
    ).toEqual([
      ['u-1', { total: 2, byTier: { deep: 2, relative: 0, emergency: 0 } }],
      ['u-2', { total: 1, byTier: { deep: 0, relative: 1, emergency: 0 } }],
    ]);
    // Open cases are counted now, whatever the year asked for the assistance figures.
    const earlier = await cw1.get(`${HARDSHIP}/stats?year=${year - 5}`).expect(200);
    expect(earlier.body.openCases).toEqual({ total: 2, byTier: { deep: 2, relative: 0, emergency: 0 } });
  });

  it('gives a caseworker only their units, and 403 for another unit', async () => {
    const mine = await cw1.get(`${HARDSHIP}/stats?year=${year}`).expect(200);
    expect(mine.body).toMatchObject({ peopleAssisted: 3, distinctPeople: 2, totalFen: 450_000 });
    expect((await cw1.get(`${HARDSHIP}/stats?year=${year}&unitId=u-1`).expect(200)).body.totalFen).toBe(
      450_000,
    );
    expect((await cw1.get(`${HARDSHIP}/stats?year=${year}&unitId=u-2`).expect(403)).body.code).toBe(
      'FORBIDDEN',
    );
    const admin = await h.as('ad-1', ['admin'], ['*']);
    expect((await admin.get(`${HARDSHIP}/stats?year=${year}&unitId=u-2`).expect(200)).body.totalFen).toBe(
      70_000,
    );
  });

  it('counts an approved request in its year once it is disbursed', async () => {
    await reviewer.post(`${pendingUrl}/approve`).send({}).expect(200);
    const res = await reviewer.get(`${HARDSHIP}/stats?year=${year}`).expect(200);
    expect(res.body).toMatchObject({
      peopleAssisted: 5,
      distinctPeople: 3,
      totalFen: 1_020_000,
      pendingApproval: zero,
    });
    expect(res.body.byCategory.education).toEqual({ count: 1, amountFen: 500_000 });
    expect(res.body.byFundSource[funds['金秋助学资金']]).toEqual({ count: 1, amountFen: 500_000 });
  });

  it('gives zeros for a year without assistance and validates the query', async () => {
    const empty = await reviewer.get(`${HARDSHIP}/stats?year=${year - 5}`).expect(200);
    expect(empty.body).toMatchObject({
      peopleAssisted: 0,
      distinctPeople: 0,
      totalFen: 0,
      byFundSource: {},
      pendingApproval: zero,
    });
    await reviewer.get(`${HARDSHIP}/stats`).expect(400);
    await reviewer.get(`${HARDSHIP}/stats?year=20x5`).expect(400);
    await reviewer.get(`${HARDSHIP}/stats?year=${year}&region=110105`).expect(400);
  });
});
