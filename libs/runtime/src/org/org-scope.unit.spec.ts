import { readsEveryUnit, subtreesSql, withinOrgSql } from './org-scope';

describe('subtreesSql', () => {
  it('matches the units themselves and every node whose path meets them, resolved first, one parameter', () => {
    const params: unknown[] = [2024];
    expect(subtreesSql(['city-a', 'county-b'], 'c.unit_id', params)).toBe(
      '(c.unit_id = ANY(ARRAY(SELECT scope_node.org_id FROM unnest($2::text[]) AS scope_unit(id) ' +
        'JOIN org_units scope_node ON scope_node.path @> ARRAY[scope_unit.id]) || $2::text[]))',
    );
    expect(params).toEqual([2024, ['city-a', 'county-b']]);
  });

  it('copies the units, so the caller cannot change the query afterwards', () => {
    const units = ['u-1'];
    const params: unknown[] = [];
    subtreesSql(units, 'unit_id', params);
    units.push('u-2');
    expect(params).toEqual([['u-1']]);
  });
});

describe('withinOrgSql', () => {
  it('is the subtree of one node', () => {
    const params: unknown[] = [];
    expect(withinOrgSql('henan', 'a.unit_id', params)).toBe(
      '(a.unit_id = ANY(ARRAY(SELECT scope_node.org_id FROM unnest($1::text[]) AS scope_unit(id) ' +
        'JOIN org_units scope_node ON scope_node.path @> ARRAY[scope_unit.id]) || $1::text[]))',
    );
    expect(params).toEqual([['henan']]);
  });
});

describe('readsEveryUnit', () => {
  it('is * or an auditor, nobody else', () => {
    expect(readsEveryUnit({ roles: ['caseworker'], units: ['*'] })).toBe(true);
    expect(readsEveryUnit({ roles: ['auditor'], units: [] })).toBe(true);
    expect(readsEveryUnit({ roles: ['caseworker', 'reviewer'], units: ['henan'] })).toBe(false);
    expect(readsEveryUnit({ roles: ['admin'], units: ['henan'] })).toBe(false);
  });
});
