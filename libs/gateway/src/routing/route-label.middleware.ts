import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { PlatformRequest } from '@union/platform';
import { matchRoute } from './route-table';

/**
 * Labels a request with its route of the table (`/api/v1/hardship/cases/{caseId}`) before anything
 * can refuse it, so `/metrics` counts and times every route apart (401s, 403s and 429s included)
 * rather than lumping all proxied traffic under the proxy's wildcard.
 */
@Injectable()
export class RouteLabelMiddleware implements NestMiddleware {
  use(req: PlatformRequest, _res: unknown, next: () => void): void {
    const url = req.originalUrl ?? req.url ?? '/';
    const q = url.indexOf('?');
    const route = matchRoute(req.method ?? '', q < 0 ? url : url.slice(0, q));
    if (route) req.routeLabel = route.path;
    next();
  }
}
