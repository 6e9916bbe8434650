// `GET /policies/regions` (issue 16, the admins' 区域政策 screen) over HTTP on PGlite: every
// region that published its own policy, with the version in force and every version, the
// default policy, and the read model behind it rebuilt from the log or filled by its migration.
import { RegionPoliciesAndPendingAssistance1732300005600 } from '../schema/1732300005600-region-policies-and-pending-assistance.migration';
import {
  HARDSHIP,
  startHardshipHarness,
  type Client,
  type HardshipHarness,
} from '../testing/hardship.harness';

describe('the region policies list (HTTP)', () => {
  let h: HardshipHarness;
  let admin: Client;

  const publish = (region: string, minimumLivingStandardFen: number, relativeMultiplierBp: number) =>
    admin
      .put(`${HARDSHIP}/policies/regions/${region}`)
      .send({ minimumLivingStandardFen, relativeMultiplierBp })
      .expect(200);

  beforeAll(async () => {
    h = await startHardshipHarness();
    admin = await h.as('admin-1', ['admin'], ['ha']);
  });
  afterAll(() => h.close());

  it('answers the default policy alone before any region publishes one', async () => {
    const res = await admin.get(`${HARDSHIP}/policies/regions`).expect(200);
    expect(res.body).toEqual({
      default: {
        regionCode: '*',
        minimumLivingStandardFen: 90_000,
        relativeMultiplierBp: 15_000,
        relativeLineFen: 135_000,
        policyVersion: 'default-1',
      },
      items: [],
      page: 1,
      pageSize: 50,
      total: 0,
    });
  });

  it('lists each region by code with the version in force and its history, newest first', async () => {
    await publish('410305', 95_000, 15_000);
    await publish('410105', 110_000, 15_000);
    await publish('410105', 115_050, 13_333);
    const res = await admin.get(`${HARDSHIP}/policies/regions`).expect(200);
    expect(res.body.total).toBe(2);
    const [zhengzhou, luoyang] = res.body.items as Record<string, unknown>[];
    expect(zhengzhou).toMatchObject({
      regionCode: '410105',
      version: 2,
      policyVersion: '410105-2',
      minimumLivingStandardFen: 115_050,
      relativeMultiplierBp: 13_333,
      // floor(115,050 * 13,333 / 10,000) = floor(153,396.165): rounded down to the fen.
      relativeLineFen: 153_396,
      publishedBy: 'admin-1',
      publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect((zhengzhou.history as { policyVersion: string }[]).map((v) => v.policyVersion)).toEqual([
      '410105-2',
      '410105-1',
    ]);
    expect((zhengzhou.history as Record<string, unknown>[])[1]).toMatchObject({
      version: 1,
      minimumLivingStandardFen: 110_000,
      relativeLineFen: 165_000,
    });
    expect(luoyang).toMatchObject({
      regionCode: '410305',
      policyVersion: '410305-1',
      history: [{ version: 1 }],
    });
    const second = await admin.get(`${HARDSHIP}/policies/regions?page=2&pageSize=1`).expect(200);
    expect(second.body).toMatchObject({ total: 2, page: 2, items: [{ regionCode: '410305' }] });
  });

  it('is read by every role, and refuses unknown query parameters', async () => {
    for (const role of ['caseworker', 'reviewer', 'auditor'] as const) {
      const client = await h.as(`${role}-1`, [role], ['u-1']);
      await client.get(`${HARDSHIP}/policies/regions`).expect(200);
    }
    await admin.get(`${HARDSHIP}/policies/regions?regionCode=410105`).expect(400);
    await admin.get(`${HARDSHIP}/policies/regions?pageSize=501`).expect(400);
  });

  it('keeps a read model that a rebuild from the log, and the migration from an existing log, reproduce', async () => {
    const compare = await admin.post('/api/v1/audit/rebuild-compare').expect(200);
    const table = (compare.body as { tables: { table: string }[] }).tables.find(
      (t) => t.table === 'region_policy_version',
    );
    expect(table).toMatchObject({ liveRows: 3, differing: 0, missing: 0, extra: 0 });
    const ds = h.infra.dataSource;
    const rows = () => ds.query(`SELECT * FROM region_policy_version ORDER BY region_code, version`);
    const before: unknown[] = await rows();
    // As on an installation that had publications before the read model existed.
    const runner = ds.createQueryRunner();
    try {
      const migration = new RegionPoliciesAndPendingAssistance1732300005600();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await rows()).toEqual(before);
    expect(before).toHaveLength(3);
  });
});
