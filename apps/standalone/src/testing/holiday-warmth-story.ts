// Issue 15's story (送温暖, DOMAIN.md §4), told through the gateway only: one scenario, run on the
// embedded default (holiday-warmth-story.int.spec.ts) and on the process cluster on real
// PostgreSQL and Kafka (holiday-warmth-story.e2e.spec.ts). Each spec gives the platform; this
// module tells the story and checks it.
import { idNumberWithCheckChar } from '@union/kernel';
import { SEED_TREE } from '@union/organisation/service';
import type { Role } from '@union/platform';

/** A running platform as the story needs it: the gateway, and tokens it accepts. */
export interface StoryPlatform {
  readonly gatewayUrl: string;
  /** `Bearer <token>` for a user with these roles and nodes. */
  bearer(sub: string, roles: readonly Role[], units: readonly string[]): Promise<string>;
  stop(): Promise<void>;
}

export interface StoryOptions {
  start(): Promise<StoryPlatform>;
  /**
   * `seeded`: the platform seeded SEED_TREE itself (the embedded default); `create`: the story
   * creates the same nodes through `POST /api/v1/org/units` (the cluster has no seeded tree).
   */
  readonly tree: 'seeded' | 'create';
  /** How long to wait for what arrives asynchronously (the tree's projection, the batch's run). */
  readonly waitMs: number;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

type Json = Record<string, unknown>;
type Tier = 'deep' | 'relative' | 'emergency';

const H = '/api/v1/hardship';
const YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);
/** The day the batch pays, in this year (China time): the yearly cap is the year of `paidOn`. */
const PAID_ON = `${YEAR}-12-20`;
const BATCH_NAME = `${YEAR}年元旦春节送温暖（郑州市）`;
/** 977.5万元, the figure of the seeds' Henan federation: 52.8万元 to Zhengzhou, the rest to Luoyang. */
const PROVINCE_FEN = 97_750_000;
const ZHENGZHOU_FEN = 52_800_000;
const LUOYANG_FEN = PROVINCE_FEN - ZHENGZHOU_FEN;
const AMOUNTS = { deep: 100_000, relative: 50_000 } as const;
/** DOMAIN.md's defaults: the most a case receives in a year, and the approval threshold. */
const CAP_FEN = 2_000_000;

/** Households by tier under the default policy (L = 900 yuan a month, relative line 1,350 yuan). */
const HOUSEHOLDS: Record<Tier, Json> = {
  deep: { household: { size: 4, monthlyIncomeFen: 300_000 }, causes: ['illness'] },
  relative: { household: { size: 3, monthlyIncomeFen: 330_000 }, causes: ['disability'] },
  emergency: {
    household: { size: 2, monthlyIncomeFen: 400_000 },
    causes: ['accident'],
    emergencyExpenseFen: 6_000_000,
  },
};

/** The households of the story: who files them, where, and what the batch does with them. */
interface Household {
  readonly name: string;
  readonly unitId: string;
  readonly regionCode: string;
  readonly tier: Tier;
  /** The caseworker (a key of the story's staff) who opens the case. */
  readonly openedBy: Staff;
  /** Living assistance already paid this year (approved by a reviewer: it is over the threshold). */
  readonly paidThisYearFen?: number;
  readonly closed?: boolean;
  /** In the batch's preview: the line's status, and the reason of an excluded one. */
  readonly line: 'included' | 'CASE_CLOSED' | 'YEARLY_CAP' | null;
}

type Staff =
  | 'provinceAdmin'
  | 'provinceReviewer'
  | 'cityAdmin'
  | 'cityStaff'
  | 'cityReviewer'
  | 'yutong'
  | 'jinshui'
  | 'zhongyuan'
  | 'xigong'
  | 'luoyang';

const STAFF: Record<Staff, { roles: Role[]; units: string[] }> = {
  provinceAdmin: { roles: ['admin'], units: ['ha'] },
  provinceReviewer: { roles: ['reviewer'], units: ['ha'] },
  cityAdmin: { roles: ['admin'], units: ['ha-zz'] },
  // The city's staff member who prepares the batch also reviews other work: four eyes still hold.
  cityStaff: { roles: ['caseworker', 'reviewer'], units: ['ha-zz'] },
  cityReviewer: { roles: ['reviewer'], units: ['ha-zz'] },
  yutong: { roles: ['caseworker'], units: ['ha-zz-jsq-yutong'] },
  jinshui: { roles: ['caseworker'], units: ['ha-zz-jsq'] },
  zhongyuan: { roles: ['caseworker'], units: ['ha-zz-zyq'] },
  xigong: { roles: ['caseworker'], units: ['ha-ly-xgq'] },
  luoyang: { roles: ['caseworker'], units: ['ha-ly'] },
};

const STORY: Record<string, Household> = {
  wang: {
    name: '王建国',
    unitId: 'ha-zz-jsq-yutong',
    regionCode: '410105',
    tier: 'deep',
    openedBy: 'yutong',
    line: 'included',
  },
  li: {
    name: '李秀英',
    unitId: 'ha-zz-jsq-srmyy',
    regionCode: '410105',
    tier: 'relative',
    openedBy: 'jinshui',
    line: 'included',
  },
  zhang: {
    name: '张伟',
    unitId: 'ha-zz-jsq',
    regionCode: '410105',
    tier: 'deep',
    openedBy: 'jinshui',
    closed: true,
    line: 'CASE_CLOSED',
  },
  liu: {
    name: '刘芳',
    unitId: 'ha-zz-zyq-zmj',
    regionCode: '410102',
    tier: 'deep',
    openedBy: 'zhongyuan',
    line: 'included',
  },
  chen: {
    name: '陈静',
    unitId: 'ha-zz-zyq-hw',
    regionCode: '410102',
    tier: 'relative',
    openedBy: 'zhongyuan',
    line: 'included',
  },
  // Reaches the yearly cap exactly with the batch's 1,000 yuan: allowed, as for any assistance.
  zhou: {
    name: '周强',
    unitId: 'ha-zz-zyq-zmj',
    regionCode: '410102',
    tier: 'deep',
    openedBy: 'zhongyuan',
    paidThisYearFen: CAP_FEN - AMOUNTS.deep,
    line: 'included',
  },
  // One fen of room short: the batch's 500 yuan would pass the cap.
  sun: {
    name: '孙丽',
    unitId: 'ha-zz-zyq-hw',
    regionCode: '410102',
    tier: 'relative',
    openedBy: 'zhongyuan',
    paidThisYearFen: CAP_FEN - AMOUNTS.relative + 1,
    line: 'YEARLY_CAP',
  },
  // Not of the batch's tiers: not in the target at all.
  zhao: {
    name: '赵磊',
    unitId: 'ha-zz-zyq',
    regionCode: '410102',
    tier: 'emergency',
    openedBy: 'zhongyuan',
    line: null,
  },
  // Luoyang's: not in Zhengzhou's subtree.
  wu: {
    name: '吴敏',
    unitId: 'ha-ly-xgq-bh',
    regionCode: '410303',
    tier: 'deep',
    openedBy: 'xigong',
    line: null,
  },
};
type Who = keyof typeof STORY;

/**
 * The story of DOMAIN.md §4 as issue 15's "Done means" tells it: a province admin creates the
 * holiday fund and allocates it to its cities (to the last fen); the counties' and workplaces'
 * caseworkers open their households' cases; Zhengzhou's staff prepare a 送温暖 batch for the deep
 * and relative households of its subtree; a reviewer other than the preparer approves it; every
 * included household's case shows the holiday assistance once; the fund report adds up to the
 * fen; and nobody outside Zhengzhou's subtree sees its batch or its counties' cases.
 */
export function holidayWarmthStory(title: string, options: StoryOptions): void {
  describe(title, () => {
    let platform: StoryPlatform;
    const tokens = {} as Record<Staff, string>;
    const caseIds = {} as Record<Who, string>;
    const funds = { province: '', zhengzhou: '', luoyang: '', living: '' };
    let batchId = '';
    // A person per household, unique per run (the cluster's databases are fresh, Kafka's topics not).
    const run = Date.now();
    const birth = `${1960 + (run % 30)}${String(1 + (Math.floor(run / 30) % 12)).padStart(2, '0')}${String(1 + (Math.floor(run / 360) % 28)).padStart(2, '0')}`;
    let serial = 0;

    const call = async (as: Staff, method: string, path: string, body?: unknown): Promise<Answer> => {
      const res = await fetch(`${platform.gatewayUrl}${path}`, {
        method,
        headers: {
          authorization: tokens[as],
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: Json = {};
      try {
        parsed = text ? (JSON.parse(text) as Json) : {};
      } catch {
        parsed = {};
      }
      return { status: res.status, body: parsed, text };
    };
    const expectCall = async (status: number, as: Staff, method: string, path: string, body?: unknown) => {
      const answer = await call(as, method, path, body);
      if (answer.status !== status)
        throw new Error(`${as} ${method} ${path}: expected ${status}, got ${answer.status} ${answer.text}`);
      return answer.body;
    };
    const eventually = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
      const deadline = Date.now() + options.waitMs;
      for (;;) {
        const value = await probe();
        if (value !== undefined) return value;
        if (Date.now() > deadline) throw new Error(`${what}: not seen within ${options.waitMs} ms`);
        // Under the gateway's 600 requests a minute per user, while the rest of the story goes on.
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const caseOf = (who: Who, as: Staff = 'cityStaff') =>
      expectCall(200, as, 'GET', `${H}/cases/${caseIds[who]}`) as Promise<{
        tier: string;
        status: string;
        assistanceThisYearFen: number;
        assistance: Json[];
      }>;
    const lines = async (as: Staff, status?: string) =>
      (
        await expectCall(
          200,
          as,
          'GET',
          `${H}/holiday-batches/${batchId}/lines?pageSize=500${status ? `&status=${status}` : ''}`,
        )
      ).items as Json[];
    const fund = (fundId: string) =>
      expectCall(200, 'provinceAdmin', 'GET', `${H}/funds/${fundId}`) as Promise<{
        amountFen: number;
        allocatedFen: number;
        spentFen: number;
        remainingFen: number;
      }>;

    beforeAll(async () => {
      platform = await options.start();
      for (const [sub, { roles, units }] of Object.entries(STAFF))
        tokens[sub as Staff] = await platform.bearer(`story-${sub}`, roles, units);
      if (options.tree === 'create') {
        const installer = await platform.bearer('story-installer', ['admin'], ['*']);
        for (const [orgId, name, level, parentId, regionCode] of SEED_TREE) {
          const res = await fetch(`${platform.gatewayUrl}/api/v1/org/units`, {
            method: 'POST',
            headers: { authorization: installer, 'content-type': 'application/json' },
            body: JSON.stringify({ orgId, name, level, parentId: parentId || undefined, regionCode }),
          });
          if (res.status !== 201) throw new Error(`creating ${orgId}: ${res.status} ${await res.text()}`);
        }
      }
      // hardship-cases keeps its own copy of the tree from the organisation service's events, in
      // order: once it has the last node, it has them all.
      const [lastId, , , lastParent] = SEED_TREE[SEED_TREE.length - 1];
      await eventually(`hardship-cases has the tree down to ${lastId}`, async () => {
        const stats = await call(
          'provinceReviewer',
          'GET',
          `${H}/stats?year=${YEAR}&orgId=${lastParent}&groupBy=child`,
        );
        const children = (stats.body.byChild ?? []) as { orgId: string }[];
        return children.some((c) => c.orgId === lastId) ? true : undefined;
      });
    }, options.waitMs + 180_000);
    afterAll(() => platform?.stop());

    it('has the tree: 河南省总工会 over 郑州市 and 洛阳市, their districts and workplaces', async () => {
      const zhengzhou = await expectCall(200, 'zhongyuan', 'GET', '/api/v1/org/units/ha-zz?depth=2');
      expect(zhengzhou).toMatchObject({ name: '郑州市总工会', level: 'city', path: ['ha', 'ha-zz'] });
      const children = zhengzhou.children as { orgId: string; children: { orgId: string }[] }[];
      const ids = children.map((c) => [c.orgId, c.children.map((g) => g.orgId).sort()] as const);
      expect(ids.sort((a, b) => a[0].localeCompare(b[0]))).toEqual([
        ['ha-zz-jsq', ['ha-zz-jsq-srmyy', 'ha-zz-jsq-yutong']],
        ['ha-zz-zyq', ['ha-zz-zyq-hw', 'ha-zz-zyq-zmj']],
      ]);
    });

    it('lets the province admin create the holiday fund and allocate it to its cities, to the last fen', async () => {
      const created = await expectCall(201, 'provinceAdmin', 'POST', `${H}/funds`, {
        name: `${YEAR}年两节送温暖专项资金`,
        year: YEAR,
        category: 'holiday',
        holderOrgId: 'ha',
        amountFen: PROVINCE_FEN,
      });
      funds.province = String(created.fundId);
      expect(created).toMatchObject({
        holderOrgId: 'ha',
        amountFen: PROVINCE_FEN,
        allocatedFen: 0,
        spentFen: 0,
        remainingFen: PROVINCE_FEN,
      });
      const allocations = `${H}/funds/${funds.province}/allocations`;
      const zhengzhou = await expectCall(201, 'provinceAdmin', 'POST', allocations, {
        toOrgId: 'ha-zz',
        amountFen: ZHENGZHOU_FEN,
        note: '下拨郑州市总工会',
      });
      funds.zhengzhou = String(zhengzhou.fundId);
      expect(zhengzhou).toMatchObject({
        holderOrgId: 'ha-zz',
        category: 'holiday',
        parentFundId: funds.province,
        amountFen: ZHENGZHOU_FEN,
        remainingFen: ZHENGZHOU_FEN,
      });
      // A city's admin does not allocate the province's money; a district is not the province's child.
      const byCity = await call('cityAdmin', 'POST', allocations, { toOrgId: 'ha-zz-jsq', amountFen: 1 });
      expect([byCity.status, byCity.body.code]).toEqual([403, 'FORBIDDEN']);
      const toDistrict = await call('provinceAdmin', 'POST', allocations, {
        toOrgId: 'ha-ly-xgq',
        amountFen: 1,
      });
      expect([toDistrict.status, toDistrict.body.code]).toEqual([422, 'RULE_VIOLATION']);
      // One fen more than is left is refused whole; exactly what is left is allocated.
      const tooMuch = await call('provinceAdmin', 'POST', allocations, {
        toOrgId: 'ha-ly',
        amountFen: LUOYANG_FEN + 1,
      });
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.body).toMatchObject({
        code: 'BUDGET_EXHAUSTED',
        fundId: funds.province,
        remainingFen: LUOYANG_FEN,
        requestedFen: LUOYANG_FEN + 1,
      });
      const luoyang = await expectCall(201, 'provinceAdmin', 'POST', allocations, {
        toOrgId: 'ha-ly',
        amountFen: LUOYANG_FEN,
        note: '下拨洛阳市总工会',
      });
      funds.luoyang = String(luoyang.fundId);
      expect(await fund(funds.province)).toMatchObject({
        amountFen: PROVINCE_FEN,
        allocatedFen: PROVINCE_FEN,
        spentFen: 0,
        remainingFen: 0,
      });
      const listed = await expectCall(
        200,
        'provinceAdmin',
        'GET',
        `${H}/funds?year=${YEAR}&category=holiday`,
      );
      expect(((listed.items as Json[]).map((f) => f.holderOrgId) as string[]).sort()).toEqual([
        'ha',
        'ha-ly',
        'ha-zz',
      ]);
    });

    it("lets the districts' and workplaces' caseworkers open their households' cases", async () => {
      // Zhengzhou's living-assistance fund, which paid two households most of this year's cap.
      funds.living = String(
        (
          await expectCall(201, 'cityAdmin', 'POST', `${H}/funds`, {
            name: `${YEAR}年郑州市困难职工生活救助资金`,
            year: YEAR,
            category: 'living',
            holderOrgId: 'ha-zz',
            amountFen: 8_000_000,
          })
        ).fundId,
      );
      for (const [who, h] of Object.entries(STORY)) {
        serial += 1;
        const opened = await expectCall(201, h.openedBy, 'POST', `${H}/cases`, {
          person: {
            idNumber: idNumberWithCheckChar(`${h.regionCode}${birth}${String(serial).padStart(3, '0')}`),
            name: h.name,
          },
          unitId: h.unitId,
          regionCode: h.regionCode,
          channel: 'walk_in',
          consent: { documentRef: '工帮授〔2026〕0001号', signedOn: '2026-01-05' },
          ...HOUSEHOLDS[h.tier],
        });
        expect([who, opened.tier]).toEqual([who, h.tier]);
        const caseId = String(opened.caseId);
        caseIds[who] = caseId;
        if (h.paidThisYearFen !== undefined) {
          const paid = await expectCall(201, h.openedBy, 'POST', `${H}/cases/${caseId}/assistance`, {
            kind: 'cash',
            category: 'living',
            amountFen: h.paidThisYearFen,
            fundId: funds.living,
            description: '重病住院生活救助',
          });
          expect(paid.status).toBe('pending_approval');
          await expectCall(
            200,
            'cityReviewer',
            'POST',
            `${H}/cases/${caseId}/assistance/${String(paid.assistanceId)}/approve`,
            { reason: '住院票据齐全' },
          );
        }
        if (h.closed) {
          await expectCall(200, h.openedBy, 'POST', `${H}/cases/${caseId}/close`, {
            reason: 'moved_away',
            note: '全家迁往外省',
          });
        }
      }
      expect((await caseOf('sun')).assistanceThisYearFen).toBe(CAP_FEN - AMOUNTS.relative + 1);
      expect((await caseOf('zhang')).status).toBe('closed');
    });

    it("keeps 中原区's caseworker out of 金水区's cases", async () => {
      for (const who of ['wang', 'li', 'zhang'] as const) {
        const answer = await call('zhongyuan', 'GET', `${H}/cases/${caseIds[who]}`);
        expect([who, answer.status]).toEqual([who, 403]);
      }
      const listed = await expectCall(200, 'zhongyuan', 'GET', `${H}/cases?pageSize=500`);
      expect(((listed.items as Json[]).map((c) => c.caseId) as string[]).sort()).toEqual(
        (['liu', 'chen', 'zhou', 'sun', 'zhao'] as const).map((w) => caseIds[w]).sort(),
      );
      expect((await call('zhongyuan', 'GET', `${H}/cases?unitId=ha-zz-jsq`)).status).toBe(403);
    });

    it("prepares Zhengzhou's batch for its deep and relative households, with an exact preview", async () => {
      const terms = {
        name: BATCH_NAME,
        orgId: 'ha-zz',
        fundId: funds.zhengzhou,
        tiers: ['deep', 'relative'],
        amountsByTierFen: AMOUNTS,
        paidOn: PAID_ON,
      };
      // Luoyang's staff neither target Zhengzhou nor pay from its fund.
      const outside = await call('luoyang', 'POST', `${H}/holiday-batches`, terms);
      expect([outside.status, outside.body.code]).toEqual([403, 'FORBIDDEN']);
      const otherFund = await call('luoyang', 'POST', `${H}/holiday-batches`, { ...terms, orgId: 'ha-ly' });
      expect([otherFund.status, otherFund.body.code]).toEqual([422, 'RULE_VIOLATION']);

      const expected = Object.entries(STORY)
        .filter(([, h]) => h.line !== null)
        .map(([who, h]) => ({
          caseId: caseIds[who],
          unitId: h.unitId,
          tier: h.tier,
          amountFen: AMOUNTS[h.tier as keyof typeof AMOUNTS],
          status: h.line === 'included' ? 'included' : 'excluded',
          reason: h.line === 'included' ? null : h.line,
          assistanceId: null,
        }))
        .sort((a, b) => a.caseId.localeCompare(b.caseId));
      const included = expected.filter((l) => l.status === 'included');
      const totalFen = included.reduce((sum, l) => sum + l.amountFen, 0);
      expect([included.length, totalFen]).toEqual([5, 3 * AMOUNTS.deep + 2 * AMOUNTS.relative]);

      const draft = await expectCall(201, 'cityStaff', 'POST', `${H}/holiday-batches`, terms);
      batchId = String(draft.batchId);
      expect(draft).toMatchObject({
        name: BATCH_NAME,
        orgId: 'ha-zz',
        fundId: funds.zhengzhou,
        status: 'draft',
        paidOn: PAID_ON,
        totals: { includedCount: 5, totalFen, excludedCount: 2 },
        progress: { recorded: 0, total: 5, recordedFen: 0 },
        preparedBy: 'story-cityStaff',
      });
      expect(await lines('cityStaff')).toEqual(expected);
      expect(await lines('cityReviewer', 'excluded')).toEqual(
        expected.filter((l) => l.status === 'excluded'),
      );
      // Preparing reserves nothing: the fund is untouched until approval.
      expect(await fund(funds.zhengzhou)).toMatchObject({ spentFen: 0, remainingFen: ZHENGZHOU_FEN });
    });

    it("keeps Luoyang's staff out of Zhengzhou's batch", async () => {
      for (const path of [`${H}/holiday-batches/${batchId}`, `${H}/holiday-batches/${batchId}/lines`]) {
        const answer = await call('luoyang', 'GET', path);
        expect([path, answer.status, answer.body.code]).toEqual([path, 403, 'FORBIDDEN']);
      }
      const fundRead = await call('luoyang', 'GET', `${H}/funds/${funds.zhengzhou}`);
      expect(fundRead.status).toBe(403);
    });

    it('is approved by a reviewer other than the preparer, and run: each household gets it once', async () => {
      const own = await call('cityStaff', 'POST', `${H}/holiday-batches/${batchId}/approve`, {});
      expect([own.status, own.body.code]).toEqual([403, 'SAME_ACTOR']);
      const outside = await call('luoyang', 'POST', `${H}/holiday-batches/${batchId}/approve`, {});
      expect(outside.status).toBe(403);
      const approved = await expectCall(
        200,
        'cityReviewer',
        'POST',
        `${H}/holiday-batches/${batchId}/approve`,
        {
          reason: '名单经审核无误',
        },
      );
      expect(approved).toMatchObject({ status: 'approved', decidedBy: 'story-cityReviewer' });

      const done = await eventually('the batch is done', async () => {
        const batch = await expectCall(200, 'cityReviewer', 'GET', `${H}/holiday-batches/${batchId}`);
        return batch.status === 'done' ? batch : undefined;
      });
      const totalFen = 3 * AMOUNTS.deep + 2 * AMOUNTS.relative;
      expect(done.progress).toEqual({
        recorded: 5,
        total: 5,
        recordedFen: totalFen,
        unrecorded: 0,
        releasedFen: 0,
      });
      // Approving again changes nothing.
      const again = await call('cityReviewer', 'POST', `${H}/holiday-batches/${batchId}/approve`, {});
      expect([again.status, again.body.code]).toEqual([422, 'RULE_VIOLATION']);

      const recorded = await lines('cityStaff', 'recorded');
      expect(recorded.map((l) => l.caseId)).toEqual(
        (['wang', 'li', 'liu', 'chen', 'zhou'] as const).map((w) => caseIds[w]).sort(),
      );
      for (const [who, h] of Object.entries(STORY)) {
        const detail = await caseOf(who, h.unitId.startsWith('ha-ly') ? 'luoyang' : 'cityStaff');
        const holiday = detail.assistance.filter((a) => a.category === 'holiday');
        if (h.line !== 'included') {
          expect([who, holiday]).toEqual([who, []]);
          continue;
        }
        const line = recorded.find((l) => l.caseId === caseIds[who]);
        expect([who, holiday]).toEqual([
          who,
          [
            expect.objectContaining({
              assistanceId: line?.assistanceId,
              kind: 'cash',
              category: 'holiday',
              amountFen: AMOUNTS[h.tier as keyof typeof AMOUNTS],
              fundId: funds.zhengzhou,
              description: BATCH_NAME,
              status: 'disbursed',
              recordedOn: PAID_ON,
            }),
          ],
        ]);
      }
      expect((await caseOf('zhou')).assistanceThisYearFen).toBe(CAP_FEN);
    });

    it('adds up to the fen: the fund report, by city', async () => {
      const totalFen = 3 * AMOUNTS.deep + 2 * AMOUNTS.relative;
      const report = (await expectCall(
        200,
        'provinceAdmin',
        'GET',
        `${H}/funds/${funds.province}/report?groupBy=child`,
      )) as {
        fund: Json & Figures;
        byChild: (Figures & { orgId: string; fundIds: string[] })[];
        total: Figures;
      };
      expect(report.fund).toEqual({
        fundId: funds.province,
        holderOrgId: 'ha',
        receivedFen: PROVINCE_FEN,
        allocatedFen: PROVINCE_FEN,
        spentFen: 0,
        remainingFen: 0,
      });
      expect(report.byChild).toEqual([
        {
          orgId: 'ha-ly',
          fundIds: [funds.luoyang],
          receivedFen: LUOYANG_FEN,
          allocatedFen: 0,
          spentFen: 0,
          remainingFen: LUOYANG_FEN,
        },
        {
          orgId: 'ha-zz',
          fundIds: [funds.zhengzhou],
          receivedFen: ZHENGZHOU_FEN,
          allocatedFen: 0,
          spentFen: totalFen,
          remainingFen: ZHENGZHOU_FEN - totalFen,
        },
      ]);
      expect(report.total).toEqual({
        receivedFen: PROVINCE_FEN,
        allocatedFen: PROVINCE_FEN,
        spentFen: totalFen,
        remainingFen: PROVINCE_FEN - totalFen,
      });
      // Received = allocated down + spent + remaining, at every node; what the province allocated
      // is what the cities received; the city spent what the batch recorded.
      const addsUp = (f: Figures) => f.receivedFen === f.allocatedFen + f.spentFen + f.remainingFen;
      expect([report.fund, ...report.byChild].filter((f) => !addsUp(f))).toEqual([]);
      expect(report.total.receivedFen).toBe(report.total.spentFen + report.total.remainingFen);
      expect(report.byChild.reduce((sum, c) => sum + c.receivedFen, 0)).toBe(report.fund.allocatedFen);
      const batch = await expectCall(200, 'cityReviewer', 'GET', `${H}/holiday-batches/${batchId}`);
      expect(report.byChild.find((c) => c.orgId === 'ha-zz')?.spentFen).toBe(
        (batch.totals as { totalFen: number }).totalFen,
      );
      for (const fundId of [funds.province, funds.zhengzhou, funds.luoyang]) {
        const f = await fund(fundId);
        expect(f.amountFen).toBe(f.allocatedFen + f.spentFen + f.remainingFen);
      }
      // The living fund paid the two households' earlier assistance, and nothing of the batch.
      expect(await fund(funds.living)).toMatchObject({
        spentFen: 2 * CAP_FEN - AMOUNTS.deep - AMOUNTS.relative + 1,
      });
    });
  });
}

interface Figures {
  receivedFen: number;
  allocatedFen: number;
  spentFen: number;
  remainingFen: number;
}
