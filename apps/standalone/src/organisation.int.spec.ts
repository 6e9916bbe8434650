import { adoptUnits, gatewayOrgApi, legacyUnitIds, SEED_TREE } from '@union/organisation/service';
import { startEmbeddedPlatform, type EmbeddedPlatform } from './embedded-platform';
import { bearer, call, expectCall } from './testing/platform-client.fixture';
import { openCaseThrough } from './testing/platform-world.fixture';

const ORG = '/api/v1/org/units';

/**
 * The union's tree on the embedded default (`npm start`): seeded on first start, readable by every
 * role through the gateway, changed only by admins; legacy unit ids adopted by the tool.
 */
describe('the union tree on the embedded platform', () => {
  let platform: EmbeddedPlatform;
  const url = () => platform.gatewayUrl;

  beforeAll(async () => {
    platform = await startEmbeddedPlatform({
      gatewayPort: 0,
      seedOrganisation: true,
      env: { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000' },
    });
  });
  afterAll(() => platform?.stop());

  it('seeds the Henan tree as events of the log, readable by a caseworker of a grass-roots union', async () => {
    const cw = await bearer('cw-yutong', ['caseworker'], ['ha-zz-jsq-yutong']);
    const root = await expectCall(200, url(), cw, 'GET', `${ORG}/ha?depth=3`);
    expect(root).toMatchObject({
      orgId: 'ha',
      name: '河南省总工会',
      level: 'province',
      parentId: '',
      regionCode: '410000',
    });
    const cities = root.children as {
      orgId: string;
      name: string;
      children: { orgId: string; children: unknown[] }[];
    }[];
    expect(cities.map((c) => c.name).sort()).toEqual(['洛阳市总工会', '郑州市总工会'].sort());
    const counted = (nodes: { children?: unknown[] }[]): number =>
      nodes.reduce((n, c) => n + 1 + counted((c.children ?? []) as { children?: unknown[] }[]), 0);
    expect(1 + counted(cities)).toBe(SEED_TREE.length);
    const leaf = await expectCall(200, url(), cw, 'GET', `${ORG}/ha-ly-jxq-yituo`);
    expect(leaf).toMatchObject({
      name: '中国一拖集团有限公司工会',
      path: ['ha', 'ha-ly', 'ha-ly-jxq', 'ha-ly-jxq-yituo'],
      regionCode: '410305',
    });
    const [{ n }] = await platform.services.organisation.infra.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM events WHERE type = 'OrgUnitCreated'`,
    );
    expect(n).toBe(SEED_TREE.length);
    const list = await expectCall(200, url(), cw, 'GET', `${ORG}?level=county`);
    expect(list.total).toBe(4);
  });

  it('lets only admins change the tree, through the gateway', async () => {
    const body = {
      name: '郑州日产汽车有限公司工会',
      level: 'grassroots',
      parentId: 'ha-zz-zyq',
      regionCode: '410102',
    };
    for (const role of ['caseworker', 'reviewer', 'auditor'] as const) {
      const res = await call(url(), await bearer(`${role}-1`, [role], ['*']), 'POST', ORG, body);
      expect([role, res.status, res.body.code]).toEqual([role, 403, 'FORBIDDEN']);
    }
    expect((await call(url(), undefined, 'POST', ORG, body)).status).toBe(401);
    const admin = await bearer('admin-1', ['admin'], ['*']);
    const created = await expectCall(201, url(), admin, 'POST', ORG, body);
    expect(created.path).toEqual(['ha', 'ha-zz', 'ha-zz-zyq', created.orgId]);
    const moved = await expectCall(200, url(), admin, 'POST', `${ORG}/${String(created.orgId)}/move`, {
      parentId: 'ha-zz-jsq',
    });
    expect(moved).toMatchObject({ parentId: 'ha-zz-jsq', version: 2 });
  });

  it('adopts the unit ids records already name as grass-roots nodes, once', async () => {
    const cw = await bearer('cw-legacy', ['caseworker'], ['*']);
    await openCaseThrough(url(), cw, 'unit-legacy-1');
    // The tool's own reads, on the embedded service's database (PGlite takes no extra connection).
    const hardship = platform.services['hardship-cases'].infra.dataSource;
    const ids = await legacyUnitIds({
      'hardship-cases': (sql) => hardship.query<{ unit_id: string }[]>(sql),
    });
    expect(ids).toContain('unit-legacy-1');
    const admin = (await bearer('admin-adopt', ['admin'], ['*'])).slice('Bearer '.length);
    const api = gatewayOrgApi(url(), admin);
    const first = await adoptUnits(api, 'ha-zz-jsq', [...ids, 'Not An Id']);
    expect(first).toEqual({ created: ['unit-legacy-1'], present: [], unusable: ['Not An Id'] });
    const node = await expectCall(200, url(), `Bearer ${admin}`, 'GET', `${ORG}/unit-legacy-1`);
    expect(node).toMatchObject({
      level: 'grassroots',
      parentId: 'ha-zz-jsq',
      regionCode: '410105',
      path: ['ha', 'ha-zz', 'ha-zz-jsq', 'unit-legacy-1'],
    });
    expect(await adoptUnits(api, 'ha-zz-jsq', ids)).toEqual({
      created: [],
      present: ['unit-legacy-1'],
      unusable: [],
    });
  });
});
