import { AsyncLocalStorage } from 'node:async_hooks';
import { isWithinUnits } from '@union/contracts';
import { DomainError } from '@union/kernel';
import type { Principal } from './principal';

const unitsActedFor = new AsyncLocalStorage<Set<string>>();

/**
 * True when the principal may act for a record of the unit whose path (root..unit, from the
 * union's tree) is `path`: its units hold `*`, the unit itself or one of its ancestors
 * (DOMAIN.md §4). A unit the tree does not know is a tree of its own: its path is `[unitId]`.
 * The path comes from the caller's copy of the tree (`OrgScope` in services, the organisation
 * upstream in the gateway); this is the one rule both apply.
 */
export function canActForPath(principal: Pick<Principal, 'units'>, path: readonly string[]): boolean {
  return isWithinUnits(principal.units, path);
}

/**
 * Throws 403 `FORBIDDEN` unless the principal may act for `unitId`, whose path is `path`
 * (API.md: caseworkers act only on records of their units' subtrees). A DomainError, so services
 * can call it from their handlers. Inside {@link collectUnitsActedFor} the unit is noted: an
 * idempotent replay re-checks it against the tree as it is then.
 */
export function assertUnitPath(
  principal: Pick<Principal, 'units'>,
  unitId: string,
  path: readonly string[],
): void {
  if (!canActForPath(principal, path)) {
    throw new DomainError(
      'FORBIDDEN',
      `You may act only for your own units, and unit ${unitId} is not one of them.`,
    );
  }
  unitsActedFor.getStore()?.add(unitId);
}

/** Runs `fn`, adding to `units` every unit {@link assertUnitPath} let the principal act for meanwhile. */
export function collectUnitsActedFor<T>(units: Set<string>, fn: () => T): T {
  return unitsActedFor.run(units, fn);
}

/** @deprecated The unit alone, without its tree: being replaced by `OrgScope` (@union/runtime). */
export function canActForUnit(principal: Pick<Principal, 'units'>, unitId: string): boolean {
  return canActForPath(principal, [unitId]);
}

/** @deprecated The unit alone, without its tree: being replaced by `OrgScope.assertUnit`. */
export function assertUnit(principal: Pick<Principal, 'units'>, unitId: string): void {
  assertUnitPath(principal, unitId, [unitId]);
}
