import { DomainError } from '@union/kernel';
import { ALL_UNITS, type Principal } from './principal';

/** True when the principal may act for `unitId`: its units hold `*` or that unit. */
export function canActForUnit(principal: Pick<Principal, 'units'>, unitId: string): boolean {
  return principal.units.includes(ALL_UNITS) || principal.units.includes(unitId);
}

/**
 * Throws 403 `FORBIDDEN` unless the principal may act for `unitId` (API.md: caseworkers act
 * only on records of their units). A DomainError, so services can call it from their handlers.
 */
export function assertUnit(principal: Pick<Principal, 'units'>, unitId: string): void {
  if (!canActForUnit(principal, unitId)) {
    throw new DomainError(
      'FORBIDDEN',
      `You may act only for your own units, and unit ${unitId} is not one of them.`,
    );
  }
}
