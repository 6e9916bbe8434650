import request from 'supertest';
import { HEADERS, ORG_TREE_KEY, TOPICS } from '@union/contracts';
import type { ServiceHarness } from '@union/testing';
import { bearer, createUnit, eventCount, ORG, startOrganisation } from '../testing/organisation.harness';

/** The union's tree over HTTP (API.md, "Organisation"), on real Postgres (PGlite). */
describe('organisation units', () => {
  let h: ServiceHarness;
  const admin = () => bearer(h, ['admin']);
  const post = async (path: string, body: object, auth?: string) =>
    request(h.http)
      .post(`${ORG}/units${path}`)
      .set('Authorization', auth ?? (await admin()))
      .send(body);
  const get = async (path: string, auth?: string) =>
    request(h.http)
      .get(`${ORG}/units${path}`)
      .set('Authorization', auth ?? (await bearer(h, ['caseworker'], ['ha-zz-jsq-yutong'])));

  beforeAll(async () => {
    h = await startOrganisation();
    await createUnit(h, { orgId: 'ha', name: '河南省总工会', level: 'province', regionCode: '410000' });
    await createUnit(h, {
      orgId: 'ha-zz',
      name: '郑州市总工会',
      level: 'city',
      parentId: 'ha',
      regionCode: '410100',
    });
    await createUnit(h, {
      orgId: 'ha-ly',
      name: '洛阳市总工会',
      level: 'city',
      parentId: 'ha',
      regionCode: '410300',
    });
    await createUnit(h, {
      orgId: 'ha-zz-jsq',
      name: '金水区总工会',
      level: 'county',
      parentId: 'ha-zz',
      regionCode: '410105',
    });
    await createUnit(h, {
      orgId: 'ha-zz-jsq-yutong',
      name: '郑州宇通客车股份有限公司工会',
      level: 'grassroots',
      parentId: 'ha-zz-jsq',
      regionCode: '410105',
    });
  });
  afterAll(() => h.close());

  it('answers a created node in the API shape, with its path from the root and an ETag', async () => {
    const res = await post('', {
      name: '中原区总工会',
      level: 'county',
      parentId: 'ha-zz',
      regionCode: '410102',
    });
    expect(res.status).toBe(201);
    const orgId = (res.body as { orgId: string }).orgId;
    expect(orgId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).toEqual({
      orgId,
      version: 1,
      name: '中原区总工会',
      level: 'county',
      parentId: 'ha-zz',
      path: ['ha', 'ha-zz', orgId],
      regionCode: '410102',
      status: 'active',
    });
    expect(res.headers.etag).toBe('"1"');
  });

  it('reads a node with the names on its path and its children to the depth asked, for every role', async () => {
    const one = await get('/ha?depth=2', await bearer(h, ['auditor'], ['elsewhere']));
    expect(one.status).toBe(200);
    const body = one.body as {
      path: string[];
      ancestors: unknown[];
      children: { orgId: string; children: { orgId: string; children: unknown[] }[] }[];
    };
    expect(body.path).toEqual(['ha']);
    expect(body.ancestors).toEqual([]);
    expect(body.children.map((c) => c.orgId).sort()).toEqual(['ha-ly', 'ha-zz']);
    const zz = body.children.find((c) => c.orgId === 'ha-zz');
    expect(zz?.children.map((c) => c.orgId)).toContain('ha-zz-jsq');
    // depth 2 stops there: the grass-roots union is a third level down.
    expect(zz?.children.find((c) => c.orgId === 'ha-zz-jsq')?.children).toEqual([]);

    const leaf = await get('/ha-zz-jsq-yutong?depth=0');
    expect(leaf.status).toBe(200);
    expect(leaf.body).toMatchObject({
      path: ['ha', 'ha-zz', 'ha-zz-jsq', 'ha-zz-jsq-yutong'],
      ancestors: [
        { orgId: 'ha', name: '河南省总工会', level: 'province' },
        { orgId: 'ha-zz', name: '郑州市总工会', level: 'city' },
        { orgId: 'ha-zz-jsq', name: '金水区总工会', level: 'county' },
      ],
      children: [],
    });
  });

  it('lists nodes by parent, level and text, paged', async () => {
    const byParent = await get('?parentId=ha');
    expect(byParent.body).toMatchObject({ page: 1, pageSize: 50, total: 2 });
    const cities = await get('?level=city&pageSize=1&page=2');
    expect(cities.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect((cities.body as { items: unknown[] }).items).toHaveLength(1);
    const text = await get(`?q=${encodeURIComponent('宇通')}`);
    expect((text.body as { items: { orgId: string }[] }).items.map((i) => i.orgId)).toEqual([
      'ha-zz-jsq-yutong',
    ]);
    const none = await get(`?q=${encodeURIComponent('%')}`);
    expect((none.body as { total: number }).total).toBe(0);
  });

  it('moves a subtree and rewrites the path of every node in it, in the same transaction', async () => {
    const moved = await post('/ha-zz-jsq/move', { parentId: 'ha-ly' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: 'ha-ly', path: ['ha', 'ha-ly', 'ha-zz-jsq'], version: 2 });
    const leaf = await get('/ha-zz-jsq-yutong');
    expect((leaf.body as { path: string[] }).path).toEqual(['ha', 'ha-ly', 'ha-zz-jsq', 'ha-zz-jsq-yutong']);
    // And back, with If-Match naming the version seen.
    const back = await request(h.http)
      .post(`${ORG}/units/ha-zz-jsq/move`)
      .set('Authorization', await admin())
      .set('If-Match', '"2"')
      .send({ parentId: 'ha-zz' });
    expect(back.status).toBe(200);
    expect((await get('/ha-zz-jsq-yutong')).body).toMatchObject({
      path: ['ha', 'ha-zz', 'ha-zz-jsq', 'ha-zz-jsq-yutong'],
    });
    // The read model is what the log says: rebuilt from it, it is the same.
    const comparison = await request(h.http)
      .post('/api/v1/audit/rebuild-compare')
      .set('Authorization', await admin())
      .send({});
    expect(comparison.status).toBe(200);
    expect(comparison.body).toMatchObject({ service: 'organisation', equal: true });
  });

  it('refuses a move into its own subtree, a second root, a level not below the parent, a closed parent; nothing stored', async () => {
    const before = await eventCount(h);
    const loop = await post('/ha-zz/move', { parentId: 'ha-zz-jsq' });
    expect(loop.status).toBe(422);
    expect(loop.body).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(
      (await post('', { name: '中华全国总工会', level: 'national', regionCode: '100000' })).body,
    ).toMatchObject({
      status: 409,
      code: 'CONFLICT',
    });
    expect(
      (await post('', { name: 'x', level: 'city', parentId: 'ha-zz', regionCode: '410100' })).status,
    ).toBe(422);
    expect(
      (await post('', { name: 'x', level: 'county', parentId: 'nowhere', regionCode: '410100' })).status,
    ).toBe(422);
    expect(
      (await post('', { orgId: 'ha-zz', name: 'x', level: 'county', parentId: 'ha', regionCode: '410100' }))
        .body,
    ).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await eventCount(h)).toBe(before);
  });

  it('closes a node only when nothing active hangs under it, then it takes no children', async () => {
    const refused = await post('/ha-zz-jsq/close', { reason: '区划调整' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'RULE_VIOLATION' });
    await createUnit(h, {
      orgId: 'ha-ly-old',
      name: '洛阳某厂工会',
      level: 'grassroots',
      parentId: 'ha-ly',
      regionCode: '410300',
    });
    const closed = await post('/ha-ly-old/close', { reason: '企业注销' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', version: 2 });
    expect((await post('/ha-ly-old/rename', { name: 'x' })).status).toBe(422);
    await createUnit(h, {
      orgId: 'ha-ly-x',
      name: 'x',
      level: 'county',
      parentId: 'ha-ly',
      regionCode: '410300',
    });
    expect((await post('/ha-ly-x/move', { parentId: 'ha-ly-old' })).status).toBe(422);
  });

  it('renames with If-Match, and a stale one is a 409 VERSION_CONFLICT', async () => {
    const renamed = await request(h.http)
      .post(`${ORG}/units/ha-ly/rename`)
      .set('Authorization', await admin())
      .set('If-Match', '"1"')
      .send({ name: '洛阳市总工会（更名）' });
    expect(renamed.status).toBe(200);
    expect(renamed.headers.etag).toBe('"2"');
    const stale = await request(h.http)
      .post(`${ORG}/units/ha-ly/rename`)
      .set('Authorization', await admin())
      .set('If-Match', '"1"')
      .send({ name: '洛阳市总工会' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('answers 400 for bad input, with the fields named, and stores nothing', async () => {
    const before = await eventCount(h);
    const bad = await post('', {
      orgId: 'Bad Id',
      name: '',
      level: 'street',
      parentId: 'ha',
      regionCode: '4101',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const fields = (bad.body as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['orgId', 'name', 'level', 'regionCode']));
    expect((await get('/ha?depth=9')).status).toBe(400);
    expect((await post('/ha-zz/move', {})).status).toBe(400);
    expect(await eventCount(h)).toBe(before);
  });

  it('answers 404 for a node the tree does not hold', async () => {
    expect((await get('/nowhere')).body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await post('/nowhere/rename', { name: 'x' })).status).toBe(404);
  });

  it('lets only admins write: 403 for every other role', async () => {
    const before = await eventCount(h);
    for (const role of ['caseworker', 'reviewer', 'auditor'] as const) {
      const res = await post(
        '',
        { name: 'x', level: 'county', parentId: 'ha-zz', regionCode: '410100' },
        await bearer(h, [role]),
      );
      expect(res.status).toBe(403);
      expect((await post('/ha-zz/rename', { name: 'x' }, await bearer(h, [role]))).status).toBe(403);
    }
    expect(await eventCount(h)).toBe(before);
  });

  it('replays a keyed create with the first answer, and refuses the key with another body', async () => {
    const body = {
      orgId: 'ha-zz-jsq-srmyy',
      name: '河南省人民医院工会',
      level: 'grassroots',
      parentId: 'ha-zz-jsq',
      regionCode: '410105',
    };
    const first = await request(h.http)
      .post(`${ORG}/units`)
      .set('Authorization', await admin())
      .set('Idempotency-Key', 'srmyy-1')
      .send(body);
    expect(first.status).toBe(201);
    const again = await request(h.http)
      .post(`${ORG}/units`)
      .set('Authorization', await admin())
      .set('Idempotency-Key', 'srmyy-1')
      .send(body);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const other = await request(h.http)
      .post(`${ORG}/units`)
      .set('Authorization', await admin())
      .set('Idempotency-Key', 'srmyy-1')
      .send({ ...body, name: '别的名字' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('adopts a legacy unit id as a grass-roots node', async () => {
    const adopted = await createUnit(h, {
      orgId: 'unit-1',
      name: '原unit-1工会',
      level: 'grassroots',
      parentId: 'ha-zz-jsq',
      regionCode: '410105',
    });
    expect(adopted.body).toMatchObject({ orgId: 'unit-1', path: ['ha', 'ha-zz', 'ha-zz-jsq', 'unit-1'] });
  });

  it('publishes every change on organisation.units.v1, keyed by the tree, in order', async () => {
    const seen: { key: string; type: string; value: { orgId: string } }[] = [];
    h.bus.subscribe('org-test', TOPICS.organisationUnits, (m) => {
      seen.push({
        key: m.key,
        type: m.headers[HEADERS.eventType],
        value: JSON.parse(m.value ?? 'null') as { orgId: string },
      });
      return Promise.resolve();
    });
    await h.settle();
    expect(seen.length).toBe(await eventCount(h));
    expect(new Set(seen.map((s) => s.key))).toEqual(new Set([ORG_TREE_KEY]));
    expect(seen[0]).toMatchObject({ type: 'OrgUnitCreated', value: { orgId: 'ha' } });
    expect(seen.map((s) => s.type)).toEqual(
      expect.arrayContaining(['OrgUnitMoved', 'OrgUnitRenamed', 'OrgUnitClosed']),
    );
  });

  it('serves the audit routes for its streams', async () => {
    const res = await request(h.http)
      .get(`/api/v1/audit/streams/org-ha-zz-jsq/state?asOfVersion=1`)
      .set('Authorization', await bearer(h, ['auditor']));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: { orgId: 'ha-zz-jsq', parentId: 'ha-zz', status: 'active' } });
  });
});
