import { Injectable } from '@nestjs/common';
import { Raw, type FindOperator } from 'typeorm';
import type { Principal } from '@union/platform';
import {
  OrgScope,
  readsEveryUnit as readsEveryUnitOfTree,
  subtreesWhere,
  type NamedFilter,
} from '@union/runtime';

/**
 * Who reads which members and claims: auditors and admins every unit (medical aid's rule),
 * everyone else the subtrees of the units in their token, as `OrgScope` resolves them.
 */
@Injectable()
export class ReadScope {
  constructor(private readonly orgScope: OrgScope) {}

  readsEveryUnit(principal: Principal): boolean {
    return readsEveryUnitOfTree(principal) || principal.roles.includes('admin');
  }

  /** True when the principal may read records of `unitId`. */
  async mayRead(principal: Principal, unitId: string): Promise<boolean> {
    return this.readsEveryUnit(principal) || this.orgScope.canActFor(principal, unitId);
  }

  /** 403 FORBIDDEN unless the principal may read records of `unitId`. */
  async assertMayRead(principal: Principal, unitId: string): Promise<void> {
    if (!this.readsEveryUnit(principal)) await this.orgScope.assertUnit(principal, unitId);
  }

  /** A query builder's filter on the unit `column`, or null when every unit is read. */
  where(principal: Principal, column: string): NamedFilter | null {
    return this.readsEveryUnit(principal) ? null : subtreesWhere(principal.units, column, 'scopeUnits');
  }

  /** The same filter as a `find` option on the unit column, or undefined when every unit is read. */
  unitIn(principal: Principal): FindOperator<string> | undefined {
    if (this.readsEveryUnit(principal)) return undefined;
    const { params } = subtreesWhere(principal.units, '', 'scopeUnits');
    return Raw((column) => subtreesWhere(principal.units, column, 'scopeUnits').sql, params);
  }
}
