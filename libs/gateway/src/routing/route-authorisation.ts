import { assertSomeRole, canActForUnit, ProblemException, type Principal } from '@union/platform';
import type { GatewayRoute } from './route-table';

/**
 * The gateway's first line of authorisation, before anything reaches a service: the route's
 * roles (auditors never write: no write route lists them), and a `unitId` in the body or query
 * that is outside the caller's units when only the caseworker role grants the route. Whether a
 * stored record belongs to the caller's units stays with the service, which knows the record.
 */
export function authoriseRoute(
  route: GatewayRoute,
  principal: Principal,
  input: { body?: unknown; query?: unknown },
): void {
  assertSomeRole(principal, route.roles);
  if (route.method !== 'GET' && principal.roles.every((role) => role === 'auditor')) {
    throw new ProblemException('FORBIDDEN', 'Auditors may read but not change records.');
  }
  const unitScoped = !principal.roles.some((role) => role !== 'caseworker' && route.roles.includes(role));
  if (!unitScoped) return;
  for (const unitId of [unitIdIn(input.body), unitIdIn(input.query)]) {
    if (unitId !== undefined && !canActForUnit(principal, unitId)) {
      throw new ProblemException(
        'FORBIDDEN',
        `You may act only for your own units, and unit ${unitId} is not one of them.`,
      );
    }
  }
}

function unitIdIn(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const unitId = (value as { unitId?: unknown }).unitId;
  return typeof unitId === 'string' ? unitId : undefined;
}
