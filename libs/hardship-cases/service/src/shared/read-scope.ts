import { ALL_UNITS, assertUnit, type Principal } from '@union/platform';

/**
 * The units whose records the principal may read, or null for every unit. Auditors read
 * everything (API.md, "Authorisation"); everyone else reads the units in their token.
 */
export function readableUnits(principal: Principal): readonly string[] | null {
  if (principal.units.includes(ALL_UNITS) || principal.roles.includes('auditor')) return null;
  return principal.units;
}

/** 403 FORBIDDEN unless the principal may read records of `unitId`. */
export function assertMayRead(principal: Principal, unitId: string): void {
  if (readableUnits(principal) !== null) assertUnit(principal, unitId);
}

/** SQL for "the unit column is one the principal may read", or null when every unit is. */
export function unitFilter(
  principal: Principal,
  column: string,
): { sql: string; params: { units: string[] } } | null {
  const units = readableUnits(principal);
  if (units === null) return null;
  // An empty IN list is invalid SQL; a principal with no units simply sees nothing.
  return { sql: `${column} IN (:...units)`, params: { units: units.length > 0 ? [...units] : [''] } };
}
