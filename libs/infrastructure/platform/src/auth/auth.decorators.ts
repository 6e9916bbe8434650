import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { PlatformRequest } from '../http/http-types';
import type { Principal, Role } from './principal';
import { unauthenticated } from './jwt.verifier';

/** Metadata key of {@link Public}. */
export const IS_PUBLIC = 'union:isPublic';
/** Metadata key of {@link Roles}. */
export const REQUIRED_ROLES = 'union:roles';
/** Metadata key of {@link MetricsReader}. */
export const IS_METRICS = 'union:isMetrics';

/** Lets a route (or every route of a controller) through without a token: health, docs, dev-token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The route is read by the metrics scraper: `METRICS_TOKEN` instead of a user's token (see MetricsAccess). */
export const MetricsReader = (): MethodDecorator => SetMetadata(IS_METRICS, true);

/**
 * Only principals holding at least one of `roles` may call the route (403 `FORBIDDEN`
 * otherwise). On a method it replaces the controller's own `@Roles`.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);

/** Injects the authenticated {@link Principal} into a handler parameter. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<PlatformRequest>().principal;
  // Only reachable on a @Public route, where asking for the principal is a programming error.
  if (principal === undefined) throw unauthenticated('This request is not authenticated.');
  return principal;
});
