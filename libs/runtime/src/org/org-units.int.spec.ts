import { randomUUID } from 'node:crypto';
import { KafkaContext } from '@nestjs/microservices';
import { HEADERS, TOPICS, type OrganisationIntegrationEvent } from '@union/contracts';
import { createTestDatabase, type TestDatabase } from '@union/event-store/testing';
import { encodeMessage, InProcessBus, InProcessPublisher, IntegrationConsumer } from '@union/messaging';
import type { Principal } from '@union/platform';
import { OrgScope } from './org-scope';
import { OrgUnitsConsumer } from './org-units.consumer';
import { ORG_UNITS_MIGRATIONS } from './org-units.migration';
import { rebuildOrgUnits } from './org-units.projection';

let offset = 0;

/** `event` as the organisation service's relay publishes it, with `eventId`, as a transport hands it over. */
function delivered(event: OrganisationIntegrationEvent, eventId: string): KafkaContext {
  const record = encodeMessage({
    topic: TOPICS.organisationUnits,
    key: 'org-tree',
    value: event.data,
    headers: {
      [HEADERS.eventId]: eventId,
      [HEADERS.eventType]: event.type,
      [HEADERS.eventVersion]: String(event.version),
      [HEADERS.occurredAt]: '2026-03-04T05:06:07.000Z',
    },
  });
  const message = { ...record, offset: String(offset++), timestamp: '1772600767000' };
  return new KafkaContext([
    message as never,
    0,
    TOPICS.organisationUnits,
    undefined as never,
    undefined as never,
    undefined as never,
  ]);
}

const created = (
  orgId: string,
  parentId: string,
  level: 'national' | 'province' | 'city' | 'county' | 'grassroots',
  name = orgId,
): OrganisationIntegrationEvent => ({
  type: 'OrgUnitCreated',
  version: 1,
  data: { orgId, name, level, parentId, regionCode: '410000' },
});

/** 全国总工会 > 河南省总 > 郑州市总 (中原区, 金水区 > 一厂工会), 洛阳市总 (西工区). */
const TREE: OrganisationIntegrationEvent[] = [
  created('cn', '', 'national', '全国总工会'),
  created('henan', 'cn', 'province', '河南省总工会'),
  created('zhengzhou', 'henan', 'city', '郑州市总工会'),
  created('luoyang', 'henan', 'city', '洛阳市总工会'),
  created('zhongyuan', 'zhengzhou', 'county', '中原区总工会'),
  created('jinshui', 'zhengzhou', 'county', '金水区总工会'),
  created('xigong', 'luoyang', 'county', '西工区总工会'),
  created('factory-1', 'jinshui', 'grassroots', '一厂工会'),
];
const MOVE_JINSHUI: OrganisationIntegrationEvent = {
  type: 'OrgUnitMoved',
  version: 1,
  data: { orgId: 'jinshui', fromParentId: 'zhengzhou', toParentId: 'luoyang' },
};
const RENAME: OrganisationIntegrationEvent = {
  type: 'OrgUnitRenamed',
  version: 1,
  data: { orgId: 'xigong', name: '西工区总工会（新）' },
};
const CLOSE: OrganisationIntegrationEvent = {
  type: 'OrgUnitClosed',
  version: 1,
  data: { orgId: 'zhongyuan', reason: '合并' },
};

const who = (units: string[], roles: Principal['roles'] = ['caseworker']): Principal => ({
  sub: 'u',
  name: 'u',
  roles,
  units,
});

describe('org_units and OrgScope (PGlite)', () => {
  let db: TestDatabase;
  let consumer: OrgUnitsConsumer;
  let scope: OrgScope;

  const table = (): Promise<unknown[]> =>
    db.dataSource.query(
      `SELECT org_id, parent_id, path, name, level, region_code, status FROM org_units ORDER BY org_id`,
    );
  const deliver = async (event: OrganisationIntegrationEvent, eventId = randomUUID()): Promise<void> =>
    consumer.onOrgEvent(delivered(event, eventId));
  const visible = async (principal: Principal): Promise<string[]> => {
    const params: unknown[] = [];
    const filter = scope.scopeSql(principal, 'r.unit_id', params);
    const rows: { id: string }[] = await db.dataSource.query(
      `SELECT r.id FROM records r ${filter ? `WHERE ${filter}` : ''} ORDER BY r.id`,
      params,
    );
    return rows.map((r) => r.id);
  };

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: ORG_UNITS_MIGRATIONS });
    consumer = new OrgUnitsConsumer(
      new IntegrationConsumer({
        dataSource: db.dataSource,
        publisher: new InProcessPublisher(new InProcessBus()),
        consumer: 'test:org-units',
        log: () => undefined,
      }),
    );
    scope = new OrgScope(db.dataSource);
    await db.dataSource.query(`CREATE TABLE records (id text PRIMARY KEY, unit_id text NOT NULL)`);
    await db.dataSource.query(
      `INSERT INTO records VALUES ('r-zhongyuan', 'zhongyuan'), ('r-jinshui', 'jinshui'),
         ('r-factory', 'factory-1'), ('r-xigong', 'xigong'), ('r-legacy', 'unit-1')`,
    );
    for (const event of TREE) await deliver(event);
  });

  afterAll(() => db.close());

  it('holds each node with its path from the root', async () => {
    expect(await scope.pathOf('factory-1')).toEqual(['cn', 'henan', 'zhengzhou', 'jinshui', 'factory-1']);
    expect(await scope.pathOf('cn')).toEqual(['cn']);
    expect(await scope.pathOf('unit-1')).toEqual(['unit-1']);
    expect(await scope.subtreeIds('zhengzhou')).toEqual(['factory-1', 'jinshui', 'zhengzhou', 'zhongyuan']);
    expect(await scope.subtreeIds('unit-1')).toEqual(['unit-1']);
    expect(await scope.childrenOf('zhengzhou')).toEqual(
      [
        { orgId: 'zhongyuan', name: '中原区总工会' },
        { orgId: 'jinshui', name: '金水区总工会' },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
  });

  it('lets a principal act for its units and everything below them, nothing above or beside', async () => {
    expect(await scope.canActFor(who(['zhengzhou']), 'factory-1')).toBe(true);
    expect(await scope.canActFor(who(['henan']), 'xigong')).toBe(true);
    expect(await scope.canActFor(who(['zhongyuan']), 'zhengzhou')).toBe(false);
    expect(await scope.canActFor(who(['zhongyuan']), 'jinshui')).toBe(false);
    expect(await scope.canActFor(who(['unit-1']), 'unit-1')).toBe(true);
    expect(await scope.canActFor(who(['*']), 'anything')).toBe(true);
    await expect(scope.assertUnit(who(['luoyang']), 'jinshui')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'You may act only for your own units, and unit jinshui is not one of them.',
    });
    await expect(scope.assertUnit(who(['zhengzhou']), 'jinshui')).resolves.toBeUndefined();
  });

  it('filters lists by subtree; auditors and * see everything, no units see nothing', async () => {
    expect(await visible(who(['zhengzhou']))).toEqual(['r-factory', 'r-jinshui', 'r-zhongyuan']);
    expect(await visible(who(['zhongyuan']))).toEqual(['r-zhongyuan']);
    expect(await visible(who(['unit-1', 'xigong']))).toEqual(['r-legacy', 'r-xigong']);
    expect(await visible(who([]))).toEqual([]);
    expect(await visible(who(['luoyang'], ['auditor']))).toHaveLength(5);
    expect(await visible(who(['*']))).toHaveLength(5);
    const where = scope.scopeWhere(who(['zhengzhou']), 'r.unit_id');
    const rows = await db.dataSource
      .createQueryBuilder()
      .select('r.id', 'id')
      .from('records', 'r')
      .where(where!.sql, where!.params)
      .orderBy('r.id')
      .getRawMany<{ id: string }>();
    expect(rows.map((r) => r.id)).toEqual(['r-factory', 'r-jinshui', 'r-zhongyuan']);
    const params: unknown[] = [];
    const within: { id: string }[] = await db.dataSource.query(
      `SELECT r.id FROM records r WHERE ${scope.withinOrgSql('jinshui', 'r.unit_id', params)} ORDER BY r.id`,
      params,
    );
    expect(within.map((r) => r.id)).toEqual(['r-factory', 'r-jinshui']);
  });

  it('changes nothing when an event comes twice', async () => {
    const eventId = randomUUID();
    await deliver(RENAME, eventId);
    const once = await table();
    await deliver(RENAME, eventId);
    await deliver(TREE[2], randomUUID()); // a creation of a node already held, under a new id
    expect(await table()).toEqual(once);
  });

  it('moves a subtree: its paths change at once, and so does who sees its records', async () => {
    await deliver(MOVE_JINSHUI);
    expect(await scope.pathOf('jinshui')).toEqual(['cn', 'henan', 'luoyang', 'jinshui']);
    expect(await scope.pathOf('factory-1')).toEqual(['cn', 'henan', 'luoyang', 'jinshui', 'factory-1']);
    expect(await scope.childrenOf('zhengzhou')).toEqual([{ orgId: 'zhongyuan', name: '中原区总工会' }]);
    expect(await visible(who(['luoyang']))).toEqual(['r-factory', 'r-jinshui', 'r-xigong']);
    expect(await visible(who(['zhengzhou']))).toEqual(['r-zhongyuan']);
    expect(await scope.canActFor(who(['zhengzhou']), 'factory-1')).toBe(false);
  });

  it('rebuilds from the events to what the live consumer holds', async () => {
    await deliver(CLOSE);
    const live = await table();
    await rebuildOrgUnits(db.dataSource.manager, [...TREE, RENAME, MOVE_JINSHUI, CLOSE]);
    expect(await table()).toEqual(live);
    expect(live).toContainEqual(expect.objectContaining({ org_id: 'zhongyuan', status: 'closed' }));
  });
});
