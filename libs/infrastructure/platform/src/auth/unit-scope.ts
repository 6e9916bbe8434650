import { AsyncLocalStorage } from 'node:async_hooks';
import { DomainError } from '@union/kernel';
import { ALL_UNITS, type Principal } from './principal';

const unitsActedFor = new AsyncLocalStorage<Set<string>>();

/** True when the principal may act for `unitId`: its units hold `*` or that unit. */
export function canActForUnit(principal: Pick<Principal, 'units'>, unitId: string): boolean {
  return principal.units.includes(ALL_UNITS) || principal.units.includes(unitId);
}

/**
 * Throws 403 `FORBIDDEN` unless the principal may act for `unitId` (API.md: caseworkers act
 * only on records of their units). A DomainError, so services can call it from their handlers.
 * Inside {@link collectUnitsActedFor} the unit is noted: an idempotent replay re-checks it.
 */
export function assertUnit(principal: Pick<Principal, 'units'>, unitId: string): void {
  if (!canActForUnit(principal, unitId)) {
    throw new DomainError(
      'FORBIDDEN',
      `You may act only for your own units, and unit ${unitId} is not one of them.`,
    );
  }
  unitsActedFor.getStore()?.add(unitId);
}

/** Runs `fn`, adding to `units` every unit {@link assertUnit} let the principal act for meanwhile. */
export function collectUnitsActedFor<T>(units: Set<string>, fn: () => T): T {
  return unitsActedFor.run(units, fn);
}
