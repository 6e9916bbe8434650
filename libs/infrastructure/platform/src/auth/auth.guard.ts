import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { PlatformRequest } from '../http/http-types';
import { ProblemException } from '../problem/problem.exception';
import { IS_METRICS, IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { bearerToken } from './bearer-token';
import { JwtVerifier } from './jwt.verifier';
import { assertMetricsReader, METRICS_ACCESS, type MetricsAccess } from './metrics-access';
import type { Principal, Role } from './principal';

/**
 * The global guard: every HTTP route needs `Authorization: Bearer <JWT>` unless marked
 * {@link Public} (or {@link MetricsReader}: the metrics token instead); the verified principal is
 * put on the request (`request.principal`), then the route's {@link Roles} are checked. A route
 * without `@Roles` admits any valid token. Non-HTTP contexts (Kafka handlers) are not its business.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
    @Inject(METRICS_ACCESS) private readonly metrics: MetricsAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true) return true;
    const request = context.switchToHttp().getRequest<PlatformRequest>();
    if (this.reflector.get<boolean>(IS_METRICS, context.getHandler()) === true) {
      assertMetricsReader(this.metrics, request);
      return true;
    }

    const principal = await this.verifier.verify(bearerToken(request));
    request.principal = principal;

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required !== undefined && required.length > 0) assertSomeRole(principal, required);
    return true;
  }
}

/** 403 unless the principal holds one of `required`. */
export function assertSomeRole(principal: Principal, required: readonly Role[]): void {
  if (required.some((role) => principal.roles.includes(role))) return;
  const needed =
    required.length === 1 ? `the role ${required[0]}` : `one of the roles ${required.join(', ')}`;
  throw new ProblemException('FORBIDDEN', `This action needs ${needed}.`);
}
