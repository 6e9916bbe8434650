import type { EmbeddedPlatform } from './embedded-platform';
import {
  bearer,
  call,
  eventually,
  expectCall,
  newIdNumber,
  startQuietPlatform,
  TODAY,
  YEAR,
} from './testing/platform-client.fixture';
import { campaignBody, caseBody, periodBody } from './testing/platform-world.fixture';

const H = '/api/v1/hardship';

/**
 * Issue 15, scoping by subtree, on the real services through the gateway (the embedded default:
 * the organisation service publishes the tree on the in-process bus, every service keeps its
 * copy): a city's staff act for its counties' records, a county's staff for their own only, and
 * a move of a county to another city changes who sees its records, everywhere.
 *
 * The tree: 青海省总工会 > 西宁市总工会 (城东区, 城西区), 海东市总工会.
 */
describe('scoping by subtree through the gateway, on the real services', () => {
  let platform: EmbeddedPlatform;
  let url = '';
  const org = { root: '', xining: '', haidong: '', chengdong: '', chengxi: '' };
  const tokens = {} as Record<'xining' | 'haidong' | 'chengdong' | 'chengxi' | 'admin' | 'reviewer', string>;
  const person = newIdNumber();
  let caseId = '';
  let campaignId = '';
  let periodId = '';

  const unit = async (name: string, level: string, parentId?: string): Promise<string> =>
    String(
      (
        await expectCall(201, url, tokens.admin, 'POST', '/api/v1/org/units', {
          name,
          level,
          parentId,
          regionCode: level === 'province' ? '630000' : '630100',
        })
      ).orgId,
    );
  const get = (who: keyof typeof tokens, path: string) => call(url, tokens[who], 'GET', path);
  const listed = async (who: keyof typeof tokens): Promise<string[]> => {
    const page = await expectCall(200, url, tokens[who], 'GET', `${H}/cases?pageSize=500`);
    return (page.items as { caseId: string }[]).map((c) => c.caseId);
  };

  beforeAll(async () => {
    platform = await startQuietPlatform();
    url = platform.gatewayUrl;
    tokens.admin = await bearer('admin-tree', ['admin'], ['*']);
    org.root = await unit('青海省总工会', 'province');
    org.xining = await unit('西宁市总工会', 'city', org.root);
    org.haidong = await unit('海东市总工会', 'city', org.root);
    org.chengdong = await unit('城东区总工会', 'county', org.xining);
    org.chengxi = await unit('城西区总工会', 'county', org.xining);
    for (const name of ['xining', 'haidong', 'chengdong', 'chengxi'] as const) {
      tokens[name] = await bearer(`cw-${name}`, ['caseworker'], [org[name]]);
    }
    tokens.reviewer = await bearer('rv-xining', ['reviewer'], [org.xining]);
    campaignId = String(
      (await expectCall(201, url, tokens.admin, 'POST', '/api/v1/grants/campaigns', campaignBody()))
        .campaignId,
    );
    periodId = String(
      (await expectCall(201, url, tokens.admin, 'POST', '/api/v1/medical-aid/periods', periodBody()))
        .periodId,
    );
    // The city's caseworker opens a case in a county: the gateway and hardship-cases both resolve
    // the county's path (hardship-cases once its copy of the tree has the county).
    const opened = await eventually('hardship-cases knows 城东区 under 西宁', async () => {
      const answer = await call(url, tokens.xining, 'POST', `${H}/cases`, caseBody(org.chengdong, person));
      return answer.status === 201 ? answer.body : undefined;
    });
    caseId = String(opened.caseId);
    // The city's fund pays the county's case (a fund held by an ancestor of the case's unit).
    const fund = await expectCall(201, url, tokens.admin, 'POST', `${H}/funds`, {
      name: '西宁市困难职工帮扶专项资金',
      year: 2026,
      category: 'living',
      holderOrgId: org.xining,
      amountFen: 1_000_000,
    });
    await expectCall(201, url, tokens.chengdong, 'POST', `${H}/cases/${caseId}/assistance`, {
      kind: 'cash',
      category: 'living',
      amountFen: 30_000,
      fundId: String(fund.fundId),
      description: '春节慰问金',
    });
  });
  afterAll(() => platform?.stop());

  it("lets a city's staff act for its counties' records, a county's only for its own", async () => {
    expect((await get('xining', `${H}/cases/${caseId}`)).status).toBe(200);
    expect((await get('chengdong', `${H}/cases/${caseId}`)).status).toBe(200);
    expect((await get('chengxi', `${H}/cases/${caseId}`)).status).toBe(403);
    expect((await get('haidong', `${H}/cases/${caseId}`)).status).toBe(403);
    expect(await listed('xining')).toContain(caseId);
    expect(await listed('chengxi')).not.toContain(caseId);
    // A unitId in the query outside the caller's subtrees stops at the gateway; inside, it passes.
    expect((await get('chengxi', `${H}/cases?unitId=${org.chengdong}`)).status).toBe(403);
    expect((await get('xining', `${H}/cases?unitId=${org.chengdong}`)).status).toBe(200);
    expect((await call(url, tokens.chengxi, 'POST', `${H}/cases`, caseBody(org.chengdong))).status).toBe(403);
  });

  it('gives statistics for a node and each of its children, and refuses a node outside', async () => {
    const stats = await expectCall(
      200,
      url,
      tokens.xining,
      'GET',
      `${H}/stats?year=${YEAR}&orgId=${org.xining}&groupBy=child`,
    );
    expect(stats).toMatchObject({ orgId: org.xining, totalFen: 30_000, peopleAssisted: 1 });
    expect(stats.byChild).toEqual([
      expect.objectContaining({ orgId: org.chengdong, name: '城东区总工会', totalFen: 30_000 }),
      expect.objectContaining({ orgId: org.chengxi, name: '城西区总工会', totalFen: 0 }),
    ]);
    expect((await get('chengxi', `${H}/stats?year=${YEAR}&orgId=${org.xining}`)).status).toBe(403);
    const own = await expectCall(200, url, tokens.chengxi, 'GET', `${H}/stats?year=${YEAR}`);
    expect(own.totalFen).toBe(0);
    const bad = await get('xining', `${H}/stats?year=${YEAR}&groupBy=child`);
    expect(bad.status).toBe(400);
  });

  it("shows the person to the city's and the county's staff, not to a sibling county's", async () => {
    const cases = async (who: keyof typeof tokens) => {
      const view = await expectCall(200, url, tokens[who], 'GET', `/api/v1/people/${person}`);
      return ((view.hardship as { records: { cases: unknown[] } }).records.cases ?? []).length;
    };
    expect(await cases('xining')).toBe(1);
    expect(await cases('chengdong')).toBe(1);
    expect(await cases('chengxi')).toBe(0);
  });

  it("lets a city's staff file grants and medical aid for a county, once those services have the tree", async () => {
    await eventually("grants knows 城东区 under 西宁 and the parent's case", async () => {
      const answer = await call(url, tokens.xining, 'POST', '/api/v1/grants/applications', {
        campaignId,
        parentIdNumber: person,
        consent: { documentRef: '工助授〔2026〕0001号', signedOn: '2026-01-05' },
        unitId: org.chengdong,
        student: {
          idNumber: newIdNumber('20080101'),
          name: '王小明',
          level: 'undergraduate',
          school: '青海大学',
        },
      });
      return answer.status === 201 ? true : undefined;
    });
    await eventually('medical aid knows 城东区 under 西宁', async () => {
      const answer = await call(
        url,
        tokens.xining,
        'POST',
        `/api/v1/medical-aid/periods/${periodId}/enrollments`,
        {
          unitId: org.chengdong,
          paymentRef: 'PAY-CD',
          members: [{ idNumber: person, name: '王建国', hasBasicMedicalInsurance: true }],
        },
      );
      return answer.status === 200 ? true : undefined;
    });
    const report = await expectCall(
      200,
      url,
      tokens.reviewer,
      'GET',
      `/api/v1/grants/campaigns/${campaignId}/report?orgId=${org.xining}&groupBy=child`,
    );
    expect(report.byChild).toEqual([
      expect.objectContaining({
        orgId: org.chengdong,
        byStatus: expect.objectContaining({ submitted: expect.objectContaining({ count: 1 }) }),
      }),
      expect.objectContaining({ orgId: org.chengxi }),
    ]);
    const fund = await expectCall(
      200,
      url,
      tokens.reviewer,
      'GET',
      `/api/v1/medical-aid/periods/${periodId}/fund-report?orgId=${org.xining}&groupBy=child`,
    );
    // The member holds a hardship case: paid or waived, they are one member of 城东区's.
    type Members = { orgId: string; membersPaid: number; membersWaived: number };
    const members = (f: Members) => [f.orgId, f.membersPaid + f.membersWaived];
    expect(members(fund as unknown as Members)).toEqual([org.xining, 1]);
    expect((fund.byChild as Members[]).map(members)).toEqual([
      [org.chengdong, 1],
      [org.chengxi, 0],
    ]);
    expect((await get('chengxi', `/api/v1/grants/applications?unitId=${org.chengdong}`)).status).toBe(403);
  });

  it('moves a county to another city: its new city sees its records, its old city no longer', async () => {
    const visit = { visitedOn: TODAY, visitor: '张红（社区工会主席）', findings: '老人卧床，孩子读高中。' };
    const keyed = { 'idempotency-key': 'visit-before-the-move' };
    const visited = await call(url, tokens.xining, 'POST', `${H}/cases/${caseId}/visits`, visit, keyed);
    expect(visited.status).toBe(201);
    await expectCall(200, url, tokens.admin, 'POST', `/api/v1/org/units/${org.chengdong}/move`, {
      parentId: org.haidong,
    });
    await eventually('hardship-cases has the move', async () =>
      (await get('haidong', `${H}/cases/${caseId}`)).status === 200 ? true : undefined,
    );
    expect((await get('xining', `${H}/cases/${caseId}`)).status).toBe(403);
    // A replay of a write made before the move is authorised against the tree as it is now.
    const replay = await call(url, tokens.xining, 'POST', `${H}/cases/${caseId}/visits`, visit, keyed);
    expect([replay.status, replay.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await get('chengdong', `${H}/cases/${caseId}`)).status).toBe(200);
    expect(await listed('haidong')).toContain(caseId);
    expect(await listed('xining')).not.toContain(caseId);
    const stats = await expectCall(
      200,
      url,
      tokens.haidong,
      'GET',
      `${H}/stats?year=${YEAR}&orgId=${org.haidong}&groupBy=child`,
    );
    expect(stats.byChild).toEqual([expect.objectContaining({ orgId: org.chengdong, totalFen: 30_000 })]);
    await eventually('grants and medical aid have the move', async () => {
      const grants = await get('xining', `/api/v1/grants/applications?pageSize=500`);
      const claims = await get('xining', `/api/v1/people/${person}`);
      const medical = (claims.body.medicalAid as { records?: { memberships?: unknown[] } }).records;
      return (grants.body.items as unknown[]).length === 0 && medical?.memberships?.length === 0
        ? true
        : undefined;
    });
    // The gateway's cached path expires within 2 s: then the new city may file for the county.
    await eventually('the gateway has the move', async () => {
      const answer = await call(url, tokens.haidong, 'GET', `${H}/cases?unitId=${org.chengdong}`);
      return answer.status === 200 ? true : undefined;
    });
    expect((await get('xining', `${H}/cases?unitId=${org.chengdong}`)).status).toBe(403);
  });
});
