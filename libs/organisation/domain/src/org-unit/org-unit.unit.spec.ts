import { given } from '@union/kernel/testing';
import type { CloseOrgUnit, CreateOrgUnit, MoveOrgUnit, ParentFacts } from './org-unit.commands';
import { orgUnitDecider } from './org-unit.decider';
import type { OrgUnitCreated } from './org-unit.events';

const ctx = { actor: 'admin-1', now: '2024-07-01T03:00:00.000Z' };
const province: ParentFacts = { orgId: 'ha', level: 'province', status: 'active', path: ['ha'] };
const zhengzhou: ParentFacts = { orgId: 'ha-zz', level: 'city', status: 'active', path: ['ha', 'ha-zz'] };

const create = (overrides: Partial<CreateOrgUnit> = {}): CreateOrgUnit => ({
  type: 'CreateOrgUnit',
  ...ctx,
  orgId: 'ha-zz',
  name: '郑州市总工会',
  level: 'city',
  parentId: 'ha',
  regionCode: '410100',
  parent: province,
  rootId: 'ha',
  ...overrides,
});
const created = (overrides: Partial<OrgUnitCreated['data']> = {}): OrgUnitCreated => ({
  type: 'OrgUnitCreated',
  data: {
    orgId: 'ha-zz',
    name: '郑州市总工会',
    level: 'city',
    parentId: 'ha',
    regionCode: '410100',
    ...overrides,
  },
});
const county = created({
  orgId: 'ha-zz-jsq',
  name: '金水区总工会',
  level: 'county',
  parentId: 'ha-zz',
  regionCode: '410105',
});
const move = (parent: ParentFacts | null, parentId = parent?.orgId ?? 'nowhere'): MoveOrgUnit => ({
  type: 'MoveOrgUnit',
  ...ctx,
  parentId,
  parent,
});
const close = (activeChildren = 0, reason = '单位注销'): CloseOrgUnit => ({
  type: 'CloseOrgUnit',
  ...ctx,
  reason,
  activeChildren,
});

describe('CreateOrgUnit', () => {
  it('adds a node under an active parent of a higher level', () => {
    given(orgUnitDecider).when(create()).then([created()]);
  });

  it('creates the root when the tree has none', () => {
    given(orgUnitDecider)
      .when(
        create({
          orgId: 'ha',
          name: '河南省总工会',
          level: 'province',
          parentId: '',
          regionCode: '410000',
          parent: null,
          rootId: null,
        }),
      )
      .then([
        created({ orgId: 'ha', name: '河南省总工会', level: 'province', parentId: '', regionCode: '410000' }),
      ]);
  });

  it('refuses a second root', () => {
    given(orgUnitDecider)
      .when(create({ parentId: '', parent: null, rootId: 'ha' }))
      .thenFails({ code: 'CONFLICT', message: /already has its root, ha/ });
  });

  it('refuses an id that is taken', () => {
    given(orgUnitDecider, created()).when(create()).thenFails('CONFLICT');
  });

  it('refuses a parent the tree does not hold, or a closed one', () => {
    given(orgUnitDecider)
      .when(create({ parent: null }))
      .thenFails({ code: 'RULE_VIOLATION', message: /no unit ha/ });
    given(orgUnitDecider)
      .when(create({ parent: { ...province, status: 'closed' } }))
      .thenFails({ code: 'RULE_VIOLATION', message: /closed/ });
  });

  it('puts a child strictly below its parent: same level or higher is refused, one or more below is fine', () => {
    given(orgUnitDecider)
      .when(create({ level: 'province' }))
      .thenFails('RULE_VIOLATION');
    given(orgUnitDecider)
      .when(create({ level: 'national' }))
      .thenFails('RULE_VIOLATION');
    given(orgUnitDecider)
      .when(create({ level: 'county' }))
      .then([created({ level: 'county' })]);
    given(orgUnitDecider)
      .when(create({ level: 'grassroots', parent: zhengzhou, parentId: 'ha-zz', orgId: 'yutong' }))
      .then([created({ level: 'grassroots', parentId: 'ha-zz', orgId: 'yutong' })]);
  });

  it('checks every field at once: id pattern, name, level, region code', () => {
    given(orgUnitDecider)
      .when(create({ orgId: 'Bad_Id', name: ' ', level: 'street' as never, regionCode: '41010' }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['orgId', 'name', 'level', 'regionCode'] });
  });

  it('takes ids of 2 and 63 characters, not 1 or 64, nor one starting with a dash', () => {
    const at = (orgId: string) => given(orgUnitDecider).when(create({ orgId }));
    at('ab').then([created({ orgId: 'ab' })]);
    at('a'.repeat(63)).then([created({ orgId: 'a'.repeat(63) })]);
    at('a').thenFails({ code: 'VALIDATION_FAILED', fields: ['orgId'] });
    at('a'.repeat(64)).thenFails({ code: 'VALIDATION_FAILED', fields: ['orgId'] });
    at('-ab').thenFails({ code: 'VALIDATION_FAILED', fields: ['orgId'] });
    // A legacy unit id of the programmes is a valid node id, so it can be adopted.
    at('unit-1').then([created({ orgId: 'unit-1' })]);
  });

  it('takes names of up to 100 characters and trims them', () => {
    given(orgUnitDecider)
      .when(create({ name: `  ${'工'.repeat(100)} ` }))
      .then([created({ name: '工'.repeat(100) })]);
    given(orgUnitDecider)
      .when(create({ name: '工'.repeat(101) }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['name'] });
  });

  it('takes region codes of exactly 6 digits', () => {
    given(orgUnitDecider)
      .when(create({ regionCode: '4101000' }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['regionCode'] });
    given(orgUnitDecider)
      .when(create({ regionCode: '41010a' }))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['regionCode'] });
  });
});

describe('RenameOrgUnit', () => {
  const rename = (name: string) => ({ type: 'RenameOrgUnit' as const, ...ctx, name });

  it('renames an active node, and a rename to the same name changes nothing', () => {
    given(orgUnitDecider, created())
      .when(rename('郑州市总工会（新）'))
      .then([{ type: 'OrgUnitRenamed', data: { orgId: 'ha-zz', name: '郑州市总工会（新）' } }]);
    given(orgUnitDecider, created()).when(rename(' 郑州市总工会 ')).then([]);
  });

  it('refuses an unknown node, a closed one and a blank name', () => {
    given(orgUnitDecider).when(rename('x')).thenFails('NOT_FOUND');
    given(orgUnitDecider, created(), { type: 'OrgUnitClosed', data: { orgId: 'ha-zz', reason: 'r' } })
      .when(rename('x'))
      .thenFails('RULE_VIOLATION');
    given(orgUnitDecider, created())
      .when(rename(''))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['name'] });
  });
});

describe('MoveOrgUnit', () => {
  const luoyang: ParentFacts = { orgId: 'ha-ly', level: 'city', status: 'active', path: ['ha', 'ha-ly'] };

  it('moves a node under another parent of a higher level', () => {
    given(orgUnitDecider, county)
      .when(move(luoyang))
      .then([
        { type: 'OrgUnitMoved', data: { orgId: 'ha-zz-jsq', fromParentId: 'ha-zz', toParentId: 'ha-ly' } },
      ]);
  });

  it('changes nothing when the parent is the same', () => {
    given(orgUnitDecider, county).when(move(zhengzhou)).then([]);
  });

  it('refuses a move into its own subtree: under itself or under a descendant', () => {
    given(orgUnitDecider, created())
      .when(move({ orgId: 'ha-zz', level: 'city', status: 'active', path: ['ha', 'ha-zz'] }))
      .thenFails({ code: 'RULE_VIOLATION', message: /own subtree/ });
    const descendant: ParentFacts = {
      orgId: 'ha-zz-jsq',
      level: 'county',
      status: 'active',
      path: ['ha', 'ha-zz', 'ha-zz-jsq'],
    };
    given(orgUnitDecider, created())
      .when(move(descendant))
      .thenFails({ code: 'RULE_VIOLATION', message: /own subtree/ });
  });

  it('refuses a parent of the same level, a closed or unknown one, and moving the root', () => {
    given(orgUnitDecider, created()).when(move(luoyang)).thenFails('RULE_VIOLATION');
    given(orgUnitDecider, county)
      .when(move({ ...luoyang, status: 'closed' }))
      .thenFails('RULE_VIOLATION');
    given(orgUnitDecider, county)
      .when(move(null, 'ha-xx'))
      .thenFails({ code: 'RULE_VIOLATION', message: /no unit ha-xx/ });
    given(orgUnitDecider, created({ orgId: 'ha', level: 'province', parentId: '' }))
      .when(move(luoyang))
      .thenFails({ code: 'RULE_VIOLATION', message: /root/ });
    given(orgUnitDecider).when(move(luoyang)).thenFails('NOT_FOUND');
  });

  it('folds the move: the node then has its new parent', () => {
    const state = [
      county,
      {
        type: 'OrgUnitMoved' as const,
        data: { orgId: 'ha-zz-jsq', fromParentId: 'ha-zz', toParentId: 'ha-ly' },
      },
    ].reduce(orgUnitDecider.evolve, orgUnitDecider.initialState());
    expect(state).toMatchObject({ parentId: 'ha-ly', status: 'active', level: 'county' });
  });
});

describe('CloseOrgUnit', () => {
  it('closes a node with no active children, with its reason', () => {
    given(orgUnitDecider, county)
      .when(close(0, ' 区划调整 '))
      .then([{ type: 'OrgUnitClosed', data: { orgId: 'ha-zz-jsq', reason: '区划调整' } }]);
  });

  it('refuses while one child is still active', () => {
    given(orgUnitDecider, county)
      .when(close(1))
      .thenFails({ code: 'RULE_VIOLATION', message: /1 active/ });
  });

  it('refuses a blank reason, a closed node and an unknown one', () => {
    given(orgUnitDecider, county)
      .when(close(0, '  '))
      .thenFails({ code: 'VALIDATION_FAILED', fields: ['reason'] });
    given(orgUnitDecider, county, { type: 'OrgUnitClosed', data: { orgId: 'ha-zz-jsq', reason: 'r' } })
      .when(close())
      .thenFails('RULE_VIOLATION');
    given(orgUnitDecider).when(close()).thenFails('NOT_FOUND');
  });
});
