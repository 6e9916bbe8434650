import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Request, Response } from 'express';
import { currentCorrelationId, MetricsRegistry, ProblemException, type Counter } from '@union/platform';
import { GATEWAY_SETTINGS } from '../gateway.di-tokens';
import type { GatewaySettings, UpstreamName } from '../gateway.settings';
import { FORWARDED_REQUEST_HEADERS, FORWARDED_RESPONSE_HEADERS } from './routes';
import { UpstreamFailure, UpstreamHttp, type UpstreamAnswer } from './upstream-http';

/**
 * Forwards a request to its service and passes the answer back. A service that is down or
 * slow becomes a 503 problem naming it, never a hang: every call has a timeout.
 */
@Injectable()
export class ProxyService implements OnModuleDestroy {
  private readonly failures: Counter;
  private readonly http = new UpstreamHttp();

  constructor(
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    metrics: MetricsRegistry,
  ) {
    this.failures = metrics.counter(
      'gateway_upstream_failures_total',
      'Calls to a service that failed or timed out (answered 503).',
      ['service', 'reason'],
    );
  }

  /** `path`: the path and query on the service (the gateway's own unless the route renames it). */
  async forward(
    upstream: UpstreamName,
    req: Request,
    res: Response,
    path: string = req.originalUrl,
  ): Promise<void> {
    const body = ['GET', 'HEAD'].includes(req.method) ? undefined : jsonBodyOf(req);
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const correlationId = currentCorrelationId();
    if (correlationId) headers['x-correlation-id'] = correlationId;
    let answer: UpstreamAnswer;
    try {
      answer = await this.http.send(`${this.settings.upstreams[upstream]}${path}`, {
        method: req.method,
        headers,
        body,
        timeoutMs: this.settings.upstreamTimeoutMs,
      });
    } catch (error) {
      if (!(error instanceof UpstreamFailure)) throw error;
      throw this.unavailable(upstream, error.reason === 'timeout');
    }
    res.status(answer.status);
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = answer.headers[name];
      if (typeof value === 'string') res.setHeader(name, value);
    }
    res.end(answer.body);
  }

  /** GETs a service's JSON (for composed views and readiness); same timeout and 503 rules. */
  async getJson(
    upstream: UpstreamName,
    path: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown }> {
    const answer = await this.call(upstream, `${this.settings.upstreams[upstream]}${path}`, {
      method: 'GET',
      headers,
    });
    const text = await answer.text();
    return { status: answer.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  onModuleDestroy(): void {
    this.http.close();
  }

  /** A 503 naming the service, counted by reason. */
  private unavailable(upstream: UpstreamName, timedOut: boolean): ProblemException {
    this.failures.inc({ service: upstream, reason: timedOut ? 'timeout' : 'unreachable' });
    return new ProblemException(
      'SERVICE_UNAVAILABLE',
      timedOut
        ? `The ${upstream} service did not answer within ${this.settings.upstreamTimeoutMs} ms. Try again shortly.`
        : `The ${upstream} service is unavailable. Try again shortly.`,
      { extra: { service: upstream } },
    );
  }

  private async call(upstream: UpstreamName, url: string, init: RequestInit): Promise<globalThis.Response> {
    try {
      return await fetch(url, {
        ...init,
        signal: AbortSignal.timeout(this.settings.upstreamTimeoutMs),
        redirect: 'manual',
      });
    } catch (error) {
      // A DOMException, not always `instanceof Error` (another realm under jest): read the name.
      throw this.unavailable(upstream, (error as { name?: unknown } | null)?.name === 'TimeoutError');
    }
  }
}

/**
 * The bytes of the client's JSON body, passed on as sent. The gateway has parsed them already
 * (bad JSON and oversized bodies are its own 400/413); re-serialising the parsed value would be
 * slower and would change the request (`1e309` becomes `null`). A body that is not JSON never
 * reaches a service: the API speaks JSON only.
 */
function jsonBodyOf(req: Request): Uint8Array | undefined {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ProblemException(
      'VALIDATION_FAILED',
      'Send the request body as JSON (Content-Type: application/json).',
    );
  }
  return (req as Request & { rawBody?: Buffer }).rawBody;
}
