import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional, type NestMiddleware } from '@nestjs/common';
import {
  GATEWAY_ASSERTION_HEADER,
  GatewayAssertionVerifier,
  type VerifiedHop,
} from '../auth/gateway-assertion';
import { pathOf, type PlatformRequest, type PlatformResponse } from '../http/http-types';
import { MetricsRegistry, type Counter } from '../metrics/metrics.registry';
import { PLATFORM_OPTIONS, type PlatformOptions } from '../platform.options';
import { requestContext } from './request-context';
import { isLevelEnabled, parseLogLevel, writeRequestLog } from './request-log';

/** Header carrying the correlation id out (and to Kafka as `correlation-id`), and a client's reference in. */
export const CORRELATION_HEADER = 'x-correlation-id';
/** Response header echoing the client's own `x-correlation-id`, kept as its reference. */
export const CLIENT_CORRELATION_HEADER = 'x-client-correlation-id';

// A caller's reference is kept only when it is short and plain, so it cannot inject into logs or headers.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Paths a service serves without the gateway's assertion: probes, and the scraper (METRICS_TOKEN). */
const OUTSIDE_THE_HOP = new Set(['/health/live', '/health/ready', '/metrics']);

/** Whether `value` could be a correlation id this platform uses. */
export function isAcceptableCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && ACCEPTABLE_ID.test(value);
}

/**
 * Gives each request its correlation id, echoes it in the response header, makes it available to
 * all code of the request through {@link requestContext}, and writes one JSON log line when the
 * response is finished. Where the id comes from depends on the hop:
 *
 * - at the edge (the gateway; no {@link GatewayAssertionVerifier}), a new UUID for every request:
 *   a client's `x-correlation-id` is kept only as `clientCorrelationId` (logged, echoed as
 *   `x-client-correlation-id`), never as the id, so no client can stamp its requests onto
 *   another story's trace;
 * - in a service, the gateway's verified assertion (ids and all); a request without a valid one
 *   is refused here, before any route, and counted.
 */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  private readonly logRequests: boolean;
  private readonly refusals?: Counter;

  constructor(
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    metrics: MetricsRegistry,
    @Optional() private readonly hop?: GatewayAssertionVerifier,
  ) {
    this.logRequests = isLevelEnabled(options.logLevel ?? parseLogLevel(process.env.LOG_LEVEL), 'info');
    this.refusals = hop
      ? metrics.counter(
          'gateway_assertion_refusals_total',
          'Requests refused because they did not come from the gateway, by reason.',
          ['reason'],
        )
      : undefined;
  }

  use(req: PlatformRequest, res: PlatformResponse, next: () => void): void {
    if (this.hop === undefined || OUTSIDE_THE_HOP.has(pathOf(req))) {
      this.serve(req, res, next, edgeIds(req));
      return;
    }
    let ids: VerifiedHop;
    try {
      ids = this.hop.verify({
        method: req.method ?? '',
        url: req.originalUrl ?? req.url ?? '/',
        authorization: req.headers.authorization,
        assertion: req.headers[GATEWAY_ASSERTION_HEADER] as string | undefined,
      });
    } catch (refusal) {
      this.refusals?.inc({ reason: (refusal as { reason?: string }).reason ?? 'invalid' });
      // Logged under an id of its own; thrown to the platform's filter, which answers problem+json.
      this.serve(req, res, () => undefined, { correlationId: randomUUID() });
      throw refusal;
    }
    this.serve(req, res, next, ids);
  }

  private serve(req: PlatformRequest, res: PlatformResponse, next: () => void, ids: VerifiedHop): void {
    res.setHeader(CORRELATION_HEADER, ids.correlationId);
    if (ids.clientCorrelationId !== undefined)
      res.setHeader(CLIENT_CORRELATION_HEADER, ids.clientCorrelationId);
    if (this.logRequests) {
      const started = process.hrtime.bigint();
      res.once('finish', () =>
        writeRequestLog({
          service: this.options.service,
          method: req.method ?? 'UNKNOWN',
          path: pathOf(req),
          status: res.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
          correlationId: ids.correlationId,
          clientCorrelationId: ids.clientCorrelationId,
          sub: req.principal?.sub,
        }),
      );
    }
    requestContext.run(ids, next);
  }
}

/** A new correlation id, and the caller's `x-correlation-id` as its reference when acceptable. */
function edgeIds(req: PlatformRequest): VerifiedHop {
  const header = req.headers[CORRELATION_HEADER];
  const given = Array.isArray(header) ? header[0] : header;
  return {
    correlationId: randomUUID(),
    clientCorrelationId: isAcceptableCorrelationId(given) ? given : undefined,
  };
}
