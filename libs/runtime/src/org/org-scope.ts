import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { WHOLE_TREE } from '@union/contracts';
import { assertUnitPath, canActForPath, type Principal } from '@union/platform';
import { DATA_SOURCE } from '../runtime.di-tokens';
import { storedPathOf } from './org-units.projection';

type Querier = Pick<EntityManager, 'query'>;

/** A child node of the tree, as statistics name it (`byChild`). */
export interface OrgChild {
  orgId: string;
  name: string;
}

/**
 * True when the principal reads every unit's records: `*` in its units, or an auditor (API.md).
 * Lists, statistics and person views then need no unit filter.
 */
export function readsEveryUnit(principal: Pick<Principal, 'roles' | 'units'>): boolean {
  return principal.units.includes(WHOLE_TREE) || principal.roles.includes('auditor');
}

/**
 * The subtree filter: `column` is one of `units` or of the nodes whose path holds one of them.
 * The ids are resolved first, once per statement (`ARRAY(SELECT ...)` is an init plan), so the
 * filter is `column = ANY(ids)` and an index on `column` answers it: the earlier
 * `column = ANY(units) OR column IN (SELECT ...)` made PostgreSQL scan the whole table. One
 * GIN probe per unit (`path @> ARRAY[unit]`) rather than `path && units`, which the planner
 * answers with a scan of `org_units` once a token names dozens of units.
 * bench/subtree-scope.bench.ts measures it (10,000 nodes, 1,000,000 cases).
 */
const subtreeFilter = (column: string, units: string): string =>
  `${column} = ANY(ARRAY(SELECT scope_node.org_id FROM unnest(${units}) AS scope_unit(id) ` +
  `JOIN org_units scope_node ON scope_node.path @> ARRAY[scope_unit.id]) || ${units})`;

/**
 * `column = ANY(<ids of the nodes whose path holds one of $n> || $n)`, its parameter pushed
 * onto `params`: rows of any unit in the subtrees of `units`. An empty `units` matches
 * nothing. Pure (it only builds SQL): the service's `org_units` answers it.
 */
export function subtreesSql(units: readonly string[], column: string, params: unknown[]): string {
  const n = params.push([...units]);
  return `(${subtreeFilter(column, `$${n}::text[]`)})`;
}

/** A filter for a TypeORM query builder: SQL with named parameters, and their values. */
export interface NamedFilter {
  sql: string;
  params: Record<string, string[]>;
}

/** {@link subtreesSql} with a named parameter (`:name`), for a TypeORM query builder. */
export function subtreesWhere(units: readonly string[], column: string, name: string): NamedFilter {
  return {
    sql: `(${subtreeFilter(column, `:${name}::text[]`)})`,
    params: { [name]: [...units] },
  };
}

/** `subtreesSql` for one node: rows of `orgId` or any unit below it. */
export function withinOrgSql(orgId: string, column: string, params: unknown[]): string {
  return subtreesSql([orgId], column, params);
}

/**
 * Scoping by subtree (DOMAIN.md §4), the one place every service asks: a token's `units` name
 * nodes of the union's tree, and a principal acts for, and lists, records of any node in those
 * subtrees (`*`: everything). Paths come from the service's `org_units` (fed by
 * `organisation.units.v1`); a unit the tree does not know is a tree of its own (`[unitId]`), so
 * tokens naming units outside the tree work as before.
 */
@Injectable()
export class OrgScope {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The ids from the root down to `unitId`; `[unitId]` for a unit the tree does not know. */
  pathOf(unitId: string, manager?: Querier): Promise<string[]> {
    return storedPathOf(manager ?? this.dataSource, unitId);
  }

  /** True when the principal may act for records of `unitId`. */
  async canActFor(principal: Pick<Principal, 'units'>, unitId: string, manager?: Querier): Promise<boolean> {
    if (principal.units.includes(WHOLE_TREE) || principal.units.includes(unitId)) return true;
    return canActForPath(principal, await this.pathOf(unitId, manager));
  }

  /**
   * 403 `FORBIDDEN` unless the principal may act for records of `unitId`; the unit is noted for
   * an idempotent replay to re-authorise (`collectUnitsActedFor`).
   */
  async assertUnit(principal: Pick<Principal, 'units'>, unitId: string, manager?: Querier): Promise<void> {
    const direct = principal.units.includes(WHOLE_TREE) || principal.units.includes(unitId);
    assertUnitPath(principal, unitId, direct ? [unitId] : await this.pathOf(unitId, manager));
  }

  /** {@link assertUnit} for a read: auditors and `*` read every unit's records. */
  async assertReadable(
    principal: Pick<Principal, 'roles' | 'units'>,
    unitId: string,
    manager?: Querier,
  ): Promise<void> {
    if (!readsEveryUnit(principal)) await this.assertUnit(principal, unitId, manager);
  }

  /**
   * A list's unit filter on `column`, its parameter pushed onto `params` (positional `$n`), or
   * null when the principal reads every unit ({@link readsEveryUnit}).
   */
  scopeSql(principal: Pick<Principal, 'roles' | 'units'>, column: string, params: unknown[]): string | null {
    return readsEveryUnit(principal) ? null : subtreesSql(principal.units, column, params);
  }

  /**
   * {@link scopeSql} for a TypeORM query builder (named parameters): `{ sql, params }`, or null.
   * `name` names the parameter, unique within the query.
   */
  scopeWhere(
    principal: Pick<Principal, 'roles' | 'units'>,
    column: string,
    name = 'scopeUnits',
  ): NamedFilter | null {
    return readsEveryUnit(principal) ? null : subtreesWhere(principal.units, column, name);
  }

  /** {@link withinOrgSql} for a TypeORM query builder: `{ sql, params }` under the parameter `name`. */
  withinOrgWhere(orgId: string, column: string, name = 'withinOrg'): NamedFilter {
    return subtreesWhere([orgId], column, name);
  }

  /** An `orgId=` filter on `column`: records of `orgId` or any node below it ({@link withinOrgSql}). */
  withinOrgSql(orgId: string, column: string, params: unknown[]): string {
    return withinOrgSql(orgId, column, params);
  }

  /** The ids of `orgId` and every node below it; `[orgId]` for a node the tree does not know. */
  async subtreeIds(orgId: string, manager?: Querier): Promise<string[]> {
    const rows: { org_id: string }[] = await (manager ?? this.dataSource).query(
      `SELECT org_id FROM org_units WHERE path @> ARRAY[$1::text] ORDER BY org_id`,
      [orgId],
    );
    return rows.length > 0 ? rows.map((r) => r.org_id) : [orgId];
  }

  /** The children of `orgId` (closed ones included), by name. */
  async childrenOf(orgId: string, manager?: Querier): Promise<OrgChild[]> {
    const rows: { org_id: string; name: string }[] = await (manager ?? this.dataSource).query(
      `SELECT org_id, name FROM org_units WHERE parent_id = $1 ORDER BY name, org_id`,
      [orgId],
    );
    return rows.map((r) => ({ orgId: r.org_id, name: r.name }));
  }
}
