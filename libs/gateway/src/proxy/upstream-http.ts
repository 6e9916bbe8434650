import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { Agent, type Dispatcher } from 'undici';
import { isCanonicalTarget } from '../edge/request-target';

export interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A call that did not complete: `timeout` when the service did not answer in time; `not-sent`
 * when no connection could be made (refused, no such host), so the request never left and
 * another replica may take it, whatever its method; `unreachable` for any other failure.
 */
export class UpstreamFailure extends Error {
  constructor(readonly reason: 'timeout' | 'unreachable' | 'not-sent') {
    super(`upstream ${reason}`);
  }
}

/** Errors of the connect step: the request had not been written to any socket yet. */
const CONNECT_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * The gateway's HTTP client for the services: undici's dispatcher on keep-alive connection pools
 * (one per service origin), one request and its whole answer bounded by `timeoutMs`.
 *
 * Undici's `dispatch` hands the answer to four callbacks, without the request, response and
 * stream objects that `node:http` builds for each call (or the WHATWG ones of `fetch`), and
 * measured about a fifth less CPU per forwarded call than `node:http` with a keep-alive agent
 * (BENCHMARKS.md, gateway); the gateway's CPU per call is most of what it adds to a request.
 */
export class UpstreamHttp {
  // Connections per service: enough for every request in flight; the services are close by, so
  // the default 4 s idle keep-alive is kept.
  private readonly agent = new Agent({ connections: 256 });

  /**
   * `url`: the service's base URL and the path and query to ask for, the path sent exactly as
   * written (see {@link splitUpstreamUrl}).
   */
  send(
    url: string,
    init: { method: string; headers: Record<string, string>; body?: Uint8Array; timeoutMs: number },
  ): Promise<UpstreamAnswer> {
    const { origin, path } = splitUpstreamUrl(url);
    return new Promise((resolve, reject) => {
      let controller: Dispatcher.DispatchController | undefined;
      let settled = false;
      const fail = (reason: UpstreamFailure['reason']) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const failure = new UpstreamFailure(reason);
        controller?.abort(failure);
        reject(failure);
      };
      const timer = setTimeout(() => fail('timeout'), init.timeoutMs);
      let status = 502;
      let headers: IncomingHttpHeaders = {};
      const chunks: Buffer[] = [];
      this.agent.dispatch(
        {
          origin,
          path,
          method: init.method,
          headers: init.headers,
          body: init.body ?? null,
          // The timer above bounds the whole call, connecting and queueing included.
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        {
          onRequestStart(c) {
            controller = c;
            // Timed out while queued for a connection: never sent.
            if (settled) c.abort(new UpstreamFailure('timeout'));
          },
          onResponseStart(_c, statusCode, responseHeaders) {
            status = statusCode;
            headers = responseHeaders;
          },
          onResponseData(_c, chunk) {
            chunks.push(chunk);
          },
          onResponseEnd() {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve({ status, headers, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) });
          },
          onResponseError(_c, error) {
            const code = (error as { code?: unknown }).code;
            fail(typeof code === 'string' && CONNECT_ERRORS.has(code) ? 'not-sent' : 'unreachable');
          },
        },
      );
    });
  }

  /**
   * Like {@link send}, but the answer's body is written to `res` as it arrives (with `status` and
   * the headers `pick` keeps): for a long answer the service writes while it works. `timeoutMs`
   * bounds the wait for the answer to start and then each silence between two pieces; it
   * resolves when the answer has ended. Before the answer starts a failure rejects as `send`'s
   * does (the caller answers 503); after, the client's answer is cut short (it cannot become a
   * problem any more). A client that hangs up aborts the call, so the service stops too.
   */
  stream(
    url: string,
    init: { method: string; headers: Record<string, string>; timeoutMs: number },
    res: ServerResponse,
    pick: (headers: IncomingHttpHeaders) => Record<string, string>,
  ): Promise<void> {
    const { origin, path } = splitUpstreamUrl(url);
    return new Promise((resolve, reject) => {
      let controller: Dispatcher.DispatchController | undefined;
      let settled = false;
      let started = false;
      const finish = (failure?: UpstreamFailure) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        res.off('close', hungUp);
        if (!failure) return resolve();
        controller?.abort(failure);
        if (!started) return reject(failure);
        res.destroy();
        resolve();
      };
      let timer = setTimeout(() => finish(new UpstreamFailure('timeout')), init.timeoutMs);
      const quiet = () => {
        clearTimeout(timer);
        timer = setTimeout(() => finish(new UpstreamFailure('timeout')), init.timeoutMs);
      };
      const hungUp = () => finish(new UpstreamFailure('unreachable'));
      res.once('close', hungUp);
      this.agent.dispatch(
        {
          origin,
          path,
          method: init.method,
          headers: init.headers,
          body: null,
          headersTimeout: 0,
          bodyTimeout: 0,
        },
        {
          onRequestStart(c) {
            controller = c;
            if (settled) c.abort(new UpstreamFailure('timeout'));
          },
          onResponseStart(c, statusCode, headers) {
            started = true;
            quiet();
            res.writeHead(statusCode, pick(headers));
            res.flushHeaders();
            // Backpressure: a slow reader pauses the service's answer instead of piling it up here.
            res.on('drain', () => c.resume());
          },
          onResponseData(c, chunk) {
            quiet();
            if (!res.write(chunk)) c.pause();
          },
          onResponseEnd() {
            if (settled) return;
            res.end();
            finish();
          },
          onResponseError(_c, error) {
            const code = (error as { code?: unknown }).code;
            finish(
              new UpstreamFailure(
                typeof code === 'string' && CONNECT_ERRORS.has(code) ? 'not-sent' : 'unreachable',
              ),
            );
          },
        },
      );
    });
  }

  async close(): Promise<void> {
    await this.agent.destroy();
  }
}

/**
 * Splits `url` into the origin to connect to and the request target to send, without parsing
 * the target: `new URL` would turn a backslash into `/`, resolve `..` and `%2e%2e` and drop a fragment,
 * so a service would be asked for another path than the one the gateway authorised. A base URL's
 * own path (`http://host:3001/base`) stays in front of the target. A target the gateway's path
 * rule refuses is a programming error here (every caller's path went through the rule or is built
 * from validated, encoded values), so it throws rather than send it.
 */
export function splitUpstreamUrl(url: string): { origin: string; path: string } {
  const authority = url.indexOf('//') + 2;
  const slash = url.indexOf('/', authority);
  const origin = new URL(slash < 0 ? url : url.slice(0, slash)).origin;
  const path = slash < 0 ? '/' : url.slice(slash);
  if (!isCanonicalTarget(path)) throw new Error(`Refusing to send a non-canonical path upstream: ${path}`);
  return { origin, path };
}
