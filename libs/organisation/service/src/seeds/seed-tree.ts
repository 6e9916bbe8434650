import type { INestApplication } from '@nestjs/common';
import type { OrgLevel } from '@union/contracts';
import type { Principal } from '@union/platform';
import { DATA_SOURCE } from '@union/runtime';
import type { DataSource } from 'typeorm';
import { OrgUnits } from '../units/org-units.service';

/** One seeded node: `[orgId, name, level, parentId, regionCode]`. */
type SeedNode = readonly [string, string, OrgLevel, string, string];

/**
 * The embedded default's tree (npm start only): a province federation as the root (no national
 * node: an installation serves one province), two of its cities, two districts in each, and two
 * workplace unions in each district. Region codes are the real GB/T 2260 ones; grass-roots unions
 * take their district's. Parents come before their children.
 */
export const SEED_TREE: readonly SeedNode[] = [
  ['ha', '河南省总工会', 'province', '', '410000'],
  ['ha-zz', '郑州市总工会', 'city', 'ha', '410100'],
  ['ha-ly', '洛阳市总工会', 'city', 'ha', '410300'],
  ['ha-zz-jsq', '金水区总工会', 'county', 'ha-zz', '410105'],
  ['ha-zz-zyq', '中原区总工会', 'county', 'ha-zz', '410102'],
  ['ha-ly-xgq', '西工区总工会', 'county', 'ha-ly', '410303'],
  ['ha-ly-jxq', '涧西区总工会', 'county', 'ha-ly', '410305'],
  ['ha-zz-jsq-yutong', '郑州宇通客车股份有限公司工会', 'grassroots', 'ha-zz-jsq', '410105'],
  ['ha-zz-jsq-srmyy', '河南省人民医院工会', 'grassroots', 'ha-zz-jsq', '410105'],
  ['ha-zz-zyq-zmj', '郑州煤矿机械集团股份有限公司工会', 'grassroots', 'ha-zz-zyq', '410102'],
  ['ha-zz-zyq-hw', '郑州市中原区环境卫生管理所工会', 'grassroots', 'ha-zz-zyq', '410102'],
  ['ha-ly-xgq-bh', '洛阳百货大楼有限公司工会', 'grassroots', 'ha-ly-xgq', '410303'],
  ['ha-ly-xgq-gj', '洛阳市公共交通集团有限公司工会', 'grassroots', 'ha-ly-xgq', '410303'],
  ['ha-ly-jxq-yituo', '中国一拖集团有限公司工会', 'grassroots', 'ha-ly-jxq', '410305'],
  ['ha-ly-jxq-lz', '洛阳轴承集团股份有限公司工会', 'grassroots', 'ha-ly-jxq', '410305'],
];

/** The actor of the seeded events. */
export const SEED_ACTOR: Principal = { sub: 'seed', name: '初始数据', roles: ['admin'], units: ['*'] };

/**
 * Creates {@link SEED_TREE} through the ordinary commands (so it is events in the log, published
 * like any change) when the organisation log is empty; otherwise does nothing. Returns how many
 * nodes it created.
 */
export async function seedOrganisationTree(app: INestApplication): Promise<number> {
  const dataSource = app.get<DataSource>(DATA_SOURCE);
  const [{ n }] = await dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM events WHERE stream_type = 'org'`,
  );
  if (n > 0) return 0;
  const units = app.get(OrgUnits);
  for (const [orgId, name, level, parentId, regionCode] of SEED_TREE) {
    await units.create({ orgId, name, level, parentId: parentId || undefined, regionCode }, SEED_ACTOR);
  }
  return SEED_TREE.length;
}
