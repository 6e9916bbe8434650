import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { Inject, Injectable } from '@nestjs/common';
import {
  bearerToken,
  CorrelationMiddleware,
  HttpMetricsMiddleware,
  JwtVerifier,
  ProblemException,
  sendProblem,
  type PlatformRequest,
  type Principal,
} from '@union/platform';
import { admitOwnRouteBody, OWN_ROUTES_BODY_LIMIT } from '../edge/own-route-bodies';
import { parseRequestTarget, type RequestTarget } from '../edge/request-target';
import { GATEWAY_SETTINGS } from '../gateway.di-tokens';
import type { GatewaySettings } from '../gateway.settings';
import { RateLimitMiddleware } from '../rate-limit/rate-limit.middleware';
import { authoriseBody, authoriseRoute } from '../routing/route-authorisation';
import { AUDITED_SERVICES, matchRoute, servicePathOf, type GatewayRoute } from '../routing/route-table';
import { UnitPaths } from '../routing/unit-paths';
import { ProxyService } from './proxy.service';
import { closesOnRefusal, declaresBody, readJsonBody } from './request-body';

/** The path prefixes the gateway forwards; everything else is its own (Nest) routes. */
const FORWARDED = /^\/api\/v1\/(hardship|grants|medical-aid|org|audit)\//;
/** The audit answers the gateway composes itself (AuditController), not forwarded. */
const OWN_AUDIT = /^\/api\/v1\/audit\/(people\/[^/]+\/timeline|trace\/[^/]+)\/?$/;

/**
 * The gateway's edge: every request passes here first. The path rule (`../edge/request-target.ts`)
 * refuses, with 400, a target some hop could read as another path, on every route. Then the
 * forwarded routes (`/api/v1/<programme>/…` and `/api/v1/audit/<service>/…`) are served on plain
 * node:http, ahead of Nest's Express router: the gateway's CPU per call is most of what it adds
 * to a request, and Express routing, Nest's guard and filter machinery cost several times the
 * forwarding itself (see BENCHMARKS.md, gateway). The steps, cheapest and least trusting first,
 * so nothing is spent on a body before its sender is known and allowed:
 *
 * 1. the route label, then correlation id, request log and HTTP metrics (the platform's middlewares);
 * 2. the bearer token, then the per-user rate limit: 429 over it (counted by address without a
 *    valid token), else 401 for a missing or bad token;
 * 3. the route table: 404 for a route it lacks, the roles and the query's units (403; a unit
 *    outside the token's is looked up in the tree, `UnitPaths`), 400 for a
 *    body announced to a route that takes none;
 * 4. the body: 413 for a declared length over the limit and 400 when not JSON, before a byte is
 *    read; then read within the limit (413), parsed (400), and its units checked (403);
 * 5. the call to the service with the caller's token and the path as matched, answered as the
 *    service answered, or 503.
 *
 * Any refusal is the platform's problem+json (`sendProblem`, as the global filter writes it); one
 * that leaves a body unread drains it or closes the connection (`closesOnRefusal`).
 */
@Injectable()
export class ForwardingHandler {
  constructor(
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    private readonly correlation: CorrelationMiddleware,
    private readonly metrics: HttpMetricsMiddleware,
    private readonly rateLimit: RateLimitMiddleware,
    private readonly verifier: JwtVerifier,
    private readonly proxy: ProxyService,
    private readonly unitPaths: UnitPaths,
  ) {}

  /** Serves `req` (refused, or forwarded) and answers true; false leaves it to Nest's own routes. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const request = req as PlatformRequest;
    let target: RequestTarget;
    try {
      target = parseRequestTarget(req.url ?? '');
    } catch (error) {
      this.refuse(request, res, error);
      return true;
    }
    if (!FORWARDED.test(target.path) || (req.method === 'GET' && OWN_AUDIT.test(target.path))) {
      if (!declaresBody(req)) return false;
      try {
        admitOwnRouteBody(req, res, target.path);
        return false;
      } catch (error) {
        this.refuse(request, res, error, OWN_ROUTES_BODY_LIMIT);
        return true;
      }
    }
    // Matched once, before anything can refuse the request: the route of the table labels it in
    // /metrics (401s, 403s and 429s included, apart per route, not lumped under one wildcard),
    // and is where it goes.
    const route = matchRoute(req.method ?? '', target.path);
    if (route) request.routeLabel = route.path;
    this.observe(request, res, () => this.serve(request, res, route, target));
    return true;
  }

  /**
   * Runs `work` within the platform's correlation and metrics middlewares, answering its refusal;
   * `bodyLimit`: the most of an unread body node's server may drain after it.
   */
  private observe(
    req: PlatformRequest,
    res: ServerResponse,
    work: () => Promise<void>,
    bodyLimit = this.settings.bodyLimitBytes,
  ): void {
    this.correlation.use(req, res, () =>
      this.metrics.use(req, res, () => {
        Promise.resolve()
          .then(work)
          .catch((error: unknown) => {
            if (!res.headersSent && closesOnRefusal(req, bodyLimit, error)) {
              res.setHeader('Connection', 'close');
            }
            sendProblem(error, req, res);
          });
      }),
    );
  }

  /** Answers `error` as {@link observe} does, for a request refused before it was routed. */
  private refuse(req: PlatformRequest, res: ServerResponse, error: unknown, bodyLimit?: number): void {
    this.observe(
      req,
      res,
      () => {
        throw error;
      },
      bodyLimit,
    );
  }

  private async serve(
    req: PlatformRequest,
    res: ServerResponse,
    route: GatewayRoute | undefined,
    target: RequestTarget,
  ): Promise<void> {
    const principal = await this.authenticate(req);
    const method = req.method ?? '';
    if (!route) throw new ProblemException('NOT_FOUND', notFoundDetail(method, target.path));
    const pathOf = (unitId: string) => this.unitPaths.pathOf(unitId, req.headers.authorization);
    await authoriseRoute(route, principal, target.query ? parseQuery(target.query) : {}, pathOf);
    if (route.body === undefined && Number(req.headers['content-length'] ?? 0) > 0) throw noBody(route);
    const body = await readJsonBody(req, this.settings.bodyLimitBytes);
    if (body) {
      // A route that takes no body (closing a campaign) refuses one rather than ignoring it.
      if (route.body === undefined) throw noBody(route);
      await authoriseBody(route, principal, body.value, pathOf);
    }
    const path = servicePathOf(route, target.path) + (target.query ? `?${target.query}` : '');
    if (route.streamed) return this.proxy.stream(route.upstream, req, res, path);
    await this.proxy.forward(route.upstream, req, res, path, body?.bytes);
  }

  /**
   * The caller, from the bearer token; the request counted against the rate limit first (by the
   * token's `sub`, or by address without a valid token), so a flood of bad tokens is held to the
   * limit like any other.
   */
  private async authenticate(req: PlatformRequest): Promise<Principal> {
    let principal: Principal | undefined;
    let refusal: unknown;
    try {
      principal = await this.verifier.verify(bearerToken(req));
    } catch (error) {
      refusal = error;
    }
    this.rateLimit.take(req, principal);
    if (!principal) throw refusal;
    req.principal = principal;
    return principal;
  }
}

function noBody(route: GatewayRoute): ProblemException {
  return new ProblemException('VALIDATION_FAILED', `${route.method} ${route.path} takes no request body.`);
}

/** Names the audited services when the caller asked for one that does not exist. */
function notFoundDetail(method: string, path: string): string {
  const service = /^\/api\/v1\/audit\/([^/]+)\//.exec(path)?.[1];
  if (service !== undefined && !(AUDITED_SERVICES as readonly string[]).includes(service)) {
    return `There is no service ${service}; the audited services are ${AUDITED_SERVICES.join(', ')}.`;
  }
  return `There is no route ${method} ${path}.`;
}

/** Puts the forwarding handler in front of the server's own request listener (Express under Nest). */
export function installForwarding(server: Server, handler: ForwardingHandler): void {
  const others = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!handler.handle(req, res)) for (const listener of others) listener(req, res);
  });
}
