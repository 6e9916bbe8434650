import { ALL_UNITS, type Principal } from '@union/platform';

/**
 * True when the principal reads beyond one unit's own work, so that every read of theirs is
 * recorded in the access log: auditors and admins (they read every unit's records), and anyone
 * whose token grants every unit (`units: ["*"]`). A caseworker or reviewer of named units reading
 * those units' records is doing that unit's work, and is not recorded (unless the route is
 * recorded for everyone, see `RecordedForEveryone`).
 */
export function readsBeyondOwnUnits(principal: Pick<Principal, 'roles' | 'units'>): boolean {
  return (
    principal.roles.some((role) => role === 'auditor' || role === 'admin') ||
    principal.units.includes(ALL_UNITS)
  );
}
