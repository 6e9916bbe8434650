import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  GATEWAY_ASSERTION_HEADER,
  MetricsRegistry,
  ProblemException,
  requestContext,
  signGatewayAssertion,
  type Counter,
} from '@union/platform';
import { GATEWAY_SETTINGS } from '../gateway.di-tokens';
import type { GatewaySettings, UpstreamName } from '../gateway.settings';
import { FORWARDED_REQUEST_HEADERS, FORWARDED_RESPONSE_HEADERS } from './routes';
import { UpstreamFailure, UpstreamHttp, type UpstreamAnswer } from './upstream-http';
import { UpstreamPool } from './upstream-pool';

/**
 * Forwards a request to its service and passes the answer back. A service that is down or
 * slow becomes a 503 problem naming it, never a hang: every call has a timeout.
 */
@Injectable()
export class ProxyService implements OnModuleDestroy {
  private readonly failures: Counter;
  private readonly http = new UpstreamHttp();
  private readonly pools: Record<string, UpstreamPool>;

  constructor(
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    metrics: MetricsRegistry,
  ) {
    this.pools = Object.fromEntries(
      Object.entries(settings.upstreams).map(([name, urls]) => [name, new UpstreamPool(urls)]),
    );
    this.failures = metrics.counter(
      'gateway_upstream_failures_total',
      'Calls to a service that failed or timed out (answered 503).',
      ['service', 'reason'],
    );
  }

  /**
   * `path`: the path and query on the service; `body`: the client's JSON bytes, checked already
   * (see `readJsonBody`), passed on as sent.
   */
  async forward(
    upstream: UpstreamName,
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    body?: Uint8Array,
  ): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const answer = await this.send(upstream, path, {
      method: req.method ?? 'GET',
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    });
    res.statusCode = answer.status;
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = answer.headers[name];
      if (typeof value === 'string') res.setHeader(name, value);
    }
    res.end(answer.body);
  }

  /**
   * Forwards a GET whose answer is passed on as it arrives (a route marked `streamed`): the
   * timeout bounds the wait for the answer to start and each silence in it, not its length.
   */
  async stream(
    upstream: UpstreamName,
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const pick = (answer: IncomingHttpHeaders) => {
      const kept: Record<string, string> = { 'cache-control': 'no-store' };
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = answer[name];
        if (typeof value === 'string') kept[name] = value;
      }
      return kept;
    };
    await this.call(upstream, path, { method: 'GET', headers }, (url, init) =>
      this.http.stream(url, init, res, pick),
    );
  }

  /** GETs a service's JSON (for composed views and readiness); same timeout and 503 rules. */
  async getJson(
    upstream: UpstreamName,
    path: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown }> {
    const answer = await this.send(upstream, path, { method: 'GET', headers });
    const text = answer.body.toString('utf8');
    return { status: answer.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  /** POSTs JSON to a service (for composed writes); same timeout, assertion and 503 rules. */
  async postJson(
    upstream: UpstreamName,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown }> {
    const answer = await this.send(upstream, path, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(body), 'utf8'),
    });
    const text = answer.body.toString('utf8');
    return { status: answer.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  async onModuleDestroy(): Promise<void> {
    await this.http.close();
  }

  /** A 503 naming the service, counted by reason. */
  private unavailable(
    upstream: UpstreamName,
    method: string,
    reason: UpstreamFailure['reason'],
  ): ProblemException {
    const timedOut = reason === 'timeout';
    this.failures.inc({ service: upstream, reason: timedOut ? 'timeout' : 'unreachable' });
    const extra = { service: upstream };
    // A write that may have reached the service (timed out, or cut after it was sent) may have
    // committed: never say "try again" without the key, or an unkeyed retry could pay twice.
    if (reason !== 'not-sent' && method !== 'GET' && method !== 'HEAD') {
      return new ProblemException(
        'OUTCOME_UNKNOWN',
        `The ${upstream} service ${timedOut ? `did not answer within ${this.settings.upstreamTimeoutMs} ms` : 'stopped answering'}, ` +
          'so this write may or may not have been carried out. Retry with the same Idempotency-Key ' +
          'to get its outcome; without one, look the record up before sending it again.',
        { extra },
      );
    }
    return new ProblemException(
      'SERVICE_UNAVAILABLE',
      timedOut
        ? `The ${upstream} service did not answer within ${this.settings.upstreamTimeoutMs} ms. Try again shortly.`
        : `The ${upstream} service is unavailable. Try again shortly.`,
      { extra },
    );
  }

  /**
   * One call to a service within the timeout, with the gateway's assertion for exactly this call
   * (method, path and query, the caller's token; docs/security-hop.md), which also carries the
   * request's correlation ids to the service; a 503 problem when it fails. Sign again per attempt.
   */
  private send(
    upstream: UpstreamName,
    path: string,
    init: { method: string; headers: Record<string, string>; body?: Uint8Array },
  ): Promise<UpstreamAnswer> {
    return this.call(upstream, path, init, (url, signed) =>
      this.http.send(url, { ...signed, body: init.body }),
    );
  }

  /**
   * One call to a service within the timeout, with the gateway's assertion for exactly this call
   * (method, path and query, the caller's token; docs/security-hop.md), which also carries the
   * request's correlation ids to the service; a 503 problem when it fails. Sign again per attempt.
   */
  private async call<T>(
    upstream: UpstreamName,
    path: string,
    init: { method: string; headers: Record<string, string> },
    attempt: (
      url: string,
      signed: { method: string; headers: Record<string, string>; timeoutMs: number },
    ) => Promise<T>,
  ): Promise<T> {
    const context = requestContext.getStore();
    const correlationId = context?.correlationId ?? randomUUID();
    const call = {
      service: upstream,
      method: init.method,
      url: path,
      authorization: init.headers.authorization,
      correlationId,
      clientCorrelationId: context?.clientCorrelationId,
    };
    try {
      // A replica that refused the connection never saw the call: the pool tries the next, with
      // an assertion of its own (a service accepts one once).
      return await this.pools[upstream].send((base) =>
        attempt(`${base}${path}`, {
          method: init.method,
          headers: {
            ...init.headers,
            'x-correlation-id': correlationId,
            [GATEWAY_ASSERTION_HEADER]: signGatewayAssertion(this.settings.assertionKey, call),
          },
          timeoutMs: this.settings.upstreamTimeoutMs,
        }),
      );
    } catch (error) {
      if (!(error instanceof UpstreamFailure)) throw error;
      throw this.unavailable(upstream, init.method, error.reason);
    }
  }
}
