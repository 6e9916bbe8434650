import { ALL_UNITS, assertUnit, canActForUnit, type Principal } from '@union/platform';

/** Auditors and admins read every unit; everyone else only the units in their token. */
export const readsEveryUnit = (principal: Principal): boolean =>
  principal.units.includes(ALL_UNITS) || principal.roles.some((r) => r === 'auditor' || r === 'admin');

/** True when the principal may read records of `unitId`. */
export const mayRead = (principal: Principal, unitId: string): boolean =>
  readsEveryUnit(principal) || canActForUnit(principal, unitId);

/** 403 FORBIDDEN unless the principal may read records of `unitId`. */
export function assertMayRead(principal: Principal, unitId: string): void {
  if (!readsEveryUnit(principal)) assertUnit(principal, unitId);
}
