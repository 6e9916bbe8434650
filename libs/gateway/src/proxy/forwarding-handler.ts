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
} from '@union/platform';
import { GATEWAY_SETTINGS } from '../gateway.di-tokens';
import type { GatewaySettings } from '../gateway.settings';
import { RateLimitMiddleware } from '../rate-limit/rate-limit.middleware';
import { authoriseRoute } from '../routing/route-authorisation';
import { AUDITED_SERVICES, matchRoute, servicePathOf, type GatewayRoute } from '../routing/route-table';
import { ProxyService } from './proxy.service';
import { readJsonBody } from './request-body';

/** The path prefixes the gateway forwards; everything else is its own (Nest) routes. */
const FORWARDED = /^\/api\/v1\/(hardship|grants|medical-aid|audit)\//;
/** The audit answers the gateway composes itself (AuditController), not forwarded. */
const OWN_AUDIT = /^\/api\/v1\/audit\/(people\/[^/]+\/timeline|trace\/[^/]+)\/?$/;

/**
 * Serves every forwarded route (`/api/v1/<programme>/…` and `/api/v1/audit/<service>/…`) on plain
 * node:http, ahead of Nest's Express router: the gateway's CPU per call is most of what it adds
 * to a request, and Express routing, Nest's guard and filter machinery cost several times the
 * forwarding itself (see BENCHMARKS.md, gateway). The steps are those of a Nest route, with the
 * same shared pieces, in the same order:
 *
 * 1. the route label, then correlation id, request log and HTTP metrics (the platform's middlewares);
 * 2. the body: 413 over the limit, 400 when not JSON (before auth, as body-parser was);
 * 3. the per-user rate limit (429);
 * 4. the bearer token (401), then the route table: 404 for a route it lacks, the roles and the
 *    caller's units (403), 400 for a body sent to a route that takes none;
 * 5. the call to the service with the caller's token, answered as the service answered, or 503.
 *
 * Any refusal is the platform's problem+json (`sendProblem`, as the global filter writes it).
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
  ) {}

  /** Serves `req` when it is a forwarded route and answers true; false leaves it to Nest. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (!FORWARDED.test(path) || (req.method === 'GET' && OWN_AUDIT.test(path))) return false;
    const request = req as PlatformRequest;
    // Matched once, before anything can refuse the request: the route of the table labels it in
    // /metrics (401s, 403s and 429s included, apart per route, not lumped under one wildcard),
    // and is where it goes.
    const route = matchRoute(req.method ?? '', path);
    if (route) request.routeLabel = route.path;
    this.correlation.use(request, res, () =>
      this.metrics.use(request, res, () => {
        this.serve(request, res, route, path, q < 0 ? '' : url.slice(q + 1)).catch((error: unknown) =>
          sendProblem(error, request, res),
        );
      }),
    );
    return true;
  }

  private async serve(
    req: PlatformRequest,
    res: ServerResponse,
    route: GatewayRoute | undefined,
    path: string,
    query: string,
  ): Promise<void> {
    const body = await readJsonBody(req, this.settings.bodyLimitBytes);
    await new Promise<void>((resolve, reject) => {
      this.rateLimit.use(req, res, resolve).catch(reject);
    });
    const principal = await this.verifier.verify(bearerToken(req));
    req.principal = principal;
    const method = req.method ?? '';
    if (!route) throw new ProblemException('NOT_FOUND', notFoundDetail(method, path));
    authoriseRoute(route, principal, { body: body?.value, query: query ? parseQuery(query) : {} });
    if (body && route.body === undefined) {
      // A route that takes no body (closing a campaign) refuses one rather than ignoring it.
      throw new ProblemException('VALIDATION_FAILED', `${method} ${route.path} takes no request body.`);
    }
    await this.proxy.forward(route.upstream, req, res, servicePathOf(route, req.url ?? path), body?.bytes);
  }
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
