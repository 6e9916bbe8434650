import { assertSomeRole, canActForPath, ProblemException, type Principal } from '@union/platform';
import type { GatewayRoute } from './route-table';

/** A unit's path from the root, itself last (`UnitPaths`: the organisation service, cached). */
export type PathOf = (unitId: string) => Promise<readonly string[]>;

/**
 * The gateway's first line of authorisation, before anything reaches a service and before the
 * body is read: the route's roles (auditors never write: no write route lists them), and a
 * `unitId` in the query outside the subtrees of the caller's units when only the caseworker role
 * grants the route (`pathOf` resolves the unit's place in the tree). Whether a stored record
 * belongs to the caller's units stays with the service, which knows the record. The body's
 * `unitId` is checked once it is read ({@link authoriseBody}).
 */
export async function authoriseRoute(
  route: GatewayRoute,
  principal: Principal,
  query: object,
  pathOf: PathOf,
): Promise<void> {
  assertSomeRole(principal, route.roles);
  if (route.method !== 'GET' && principal.roles.every((role) => role === 'auditor')) {
    throw new ProblemException('FORBIDDEN', 'Auditors may read but not change records.');
  }
  await assertUnits(route, principal, query, pathOf);
}

/** The body's `unitId` against the caller's units, as {@link authoriseRoute} checks the query's. */
export async function authoriseBody(
  route: GatewayRoute,
  principal: Principal,
  body: unknown,
  pathOf: PathOf,
): Promise<void> {
  await assertUnits(route, principal, body, pathOf);
}

async function assertUnits(
  route: GatewayRoute,
  principal: Principal,
  input: unknown,
  pathOf: PathOf,
): Promise<void> {
  const unitScoped = !principal.roles.some((role) => role !== 'caseworker' && route.roles.includes(role));
  if (!unitScoped) return;
  for (const unitId of unitIdsIn(input)) {
    // A unit named in the token, or `*`, needs no look-up.
    if (canActForPath(principal, [unitId])) continue;
    if (!canActForPath(principal, await pathOf(unitId))) {
      throw new ProblemException(
        'FORBIDDEN',
        `You may act only for your own units, and unit ${unitId} is not one of them.`,
      );
    }
  }
}

/** Every string `unitId` of `value`: a repeated query parameter (`unitId=a&unitId=b`) is several. */
function unitIdsIn(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const unitId = (value as { unitId?: unknown }).unitId;
  if (typeof unitId === 'string') return [unitId];
  return Array.isArray(unitId) ? unitId.filter((u): u is string => typeof u === 'string') : [];
}
