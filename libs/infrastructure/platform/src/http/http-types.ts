import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../auth/principal';

/**
 * The parts of an Express request the platform reads. Declared here rather than importing
 * `express` types (not installed), and kept minimal so a Fastify adapter could satisfy it too.
 */
export interface PlatformRequest extends IncomingMessage {
  originalUrl?: string;
  baseUrl?: string;
  /** Set by the router once a route matched; its `path` is the pattern, e.g. `/cases/:caseId`. */
  route?: { path?: unknown };
  /** Set by {@link AuthGuard} on authenticated requests. */
  principal?: Principal;
  /**
   * The route's pattern when a catch-all handler knows it better than the router (the gateway's
   * proxy serves every route on one wildcard); preferred by {@link routePatternOf}.
   */
  routeLabel?: string;
}

/** The response as the platform's middleware sees it (plain Node response is enough). */
export type PlatformResponse = ServerResponse;

/** The request path without the query string (which may carry personal data). */
export function pathOf(req: PlatformRequest): string {
  const url = req.originalUrl ?? req.url ?? '/';
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/**
 * The matched route pattern (`/api/v1/cases/:caseId`), or undefined when no route matched.
 * Nest binds middleware as an Express route on a wildcard (`/{*path}`), which leaves `req.route`
 * set on unmatched requests too; a pattern with `*` is such a binding, not a controller route.
 */
export function routePatternOf(req: PlatformRequest): string | undefined {
  if (req.routeLabel !== undefined) return req.routeLabel;
  const path = req.route?.path;
  if (typeof path !== 'string' || path.includes('*')) return undefined;
  return (req.baseUrl ?? '') + path;
}
