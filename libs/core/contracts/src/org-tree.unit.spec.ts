import { isWithinUnits, OrgTree } from './org-tree';

describe('OrgTree', () => {
  const tree = new OrgTree();
  const create = (orgId: string, parentId: string, level: 'province' | 'city' | 'county' | 'grassroots') =>
    tree.apply({
      type: 'OrgUnitCreated',
      version: 1,
      data: { orgId, name: orgId, level, parentId, regionCode: '410000' },
    });
  create('henan', '', 'province');
  create('zhengzhou', 'henan', 'city');
  create('luoyang', 'henan', 'city');
  create('jinshui', 'zhengzhou', 'county');

  it('gives the path from the root down to the node', () => {
    expect(tree.pathOf('jinshui')).toEqual(['henan', 'zhengzhou', 'jinshui']);
    expect(tree.childrenOf('henan')).toEqual(['zhengzhou', 'luoyang']);
  });

  it('treats a unit it does not hold as a tree of its own', () => {
    expect(tree.pathOf('unit-1')).toEqual(['unit-1']);
  });

  it('scopes by subtree: a city sees its county, a sibling city does not, * sees all', () => {
    const path = tree.pathOf('jinshui');
    expect(isWithinUnits(['zhengzhou'], path)).toBe(true);
    expect(isWithinUnits(['luoyang'], path)).toBe(false);
    expect(isWithinUnits(['*'], path)).toBe(true);
  });

  it('moves a subtree with its node', () => {
    const moved = new OrgTree();
    for (const [id, parent] of [
      ['p', ''],
      ['a', 'p'],
      ['b', 'p'],
      ['c', 'a'],
      ['d', 'c'],
    ] as const) {
      moved.apply({
        type: 'OrgUnitCreated',
        version: 1,
        data: { orgId: id, name: id, level: 'city', parentId: parent, regionCode: '410000' },
      });
    }
    moved.apply({
      type: 'OrgUnitMoved',
      version: 1,
      data: { orgId: 'c', fromParentId: 'a', toParentId: 'b' },
    });
    expect(moved.pathOf('d')).toEqual(['p', 'b', 'c', 'd']);
    expect(isWithinUnits(['a'], moved.pathOf('d'))).toBe(false);
    expect(isWithinUnits(['b'], moved.pathOf('d'))).toBe(true);
  });
});
