import { Injectable, type NestMiddleware } from '@nestjs/common';
import { routePatternOf, type PlatformRequest, type PlatformResponse } from '../http/http-types';
import { MetricsRegistry, type Counter, type Histogram } from './metrics.registry';

/** Route label of requests no route matched: one series, however many URLs scanners try. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Counts requests and their latency per `method`, `route` (the pattern, e.g.
 * `/api/v1/cases/:caseId`, never the raw URL, so ids do not explode the series) and `status`.
 *
 * A middleware that records on the response's `finish`, rather than an interceptor: interceptors
 * run after guards, so requests refused with 401/403, unknown routes (404) and unparsable bodies
 * would never be counted, and those are exactly the ones operators need to see.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  private readonly requests: Counter;
  private readonly duration: Histogram;

  constructor(registry: MetricsRegistry) {
    this.requests = registry.counter('http_requests_total', 'HTTP requests served.', [
      'method',
      'route',
      'status',
    ]);
    this.duration = registry.histogram('http_request_duration_seconds', 'HTTP request latency in seconds.', [
      'method',
      'route',
      'status',
    ]);
  }

  use(req: PlatformRequest, res: PlatformResponse, next: () => void): void {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const labels = {
        method: req.method ?? 'UNKNOWN',
        route: routePatternOf(req) ?? UNMATCHED_ROUTE,
        status: res.statusCode,
      };
      this.requests.inc(labels);
      this.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  }
}
