import { UpstreamFailure } from './upstream-http';

/** How long a replica that refused a connection is tried only after the others. */
export const REFUSED_REPLICA_PAUSE_MS = 2_000;

/**
 * The replicas of one service (`<SERVICE>_URL`: base URLs, comma-separated), each call going to
 * the next in turn. A replica that cannot be connected to (refused, no such host) never saw the
 * request, so the same call goes on to the next replica, even a POST; it is then tried after the
 * others for {@link REFUSED_REPLICA_PAUSE_MS}. Any other failure (a timeout, a connection reset
 * after the request was sent) may have reached the service and is not retried: it stays a 503
 * and the caller decides, with its idempotency key.
 *
 * Explicit URLs rather than one DNS name with several addresses: keep-alive connection pools
 * stick to the address they first connected to, so DNS round-robin does not spread calls.
 */
export class UpstreamPool {
  private next = 0;
  private readonly pausedUntil: number[];

  constructor(
    readonly urls: readonly string[],
    private readonly now: () => number = Date.now,
  ) {
    this.pausedUntil = urls.map(() => 0);
  }

  /** Calls `attempt` with a replica's base URL, and with the next one while it was not sent. */
  async send<T>(attempt: (baseUrl: string) => Promise<T>): Promise<T> {
    let notSent: unknown = new UpstreamFailure('not-sent');
    for (const i of this.order()) {
      try {
        const result = await attempt(this.urls[i]);
        this.pausedUntil[i] = 0;
        return result;
      } catch (error) {
        if (!(error instanceof UpstreamFailure && error.reason === 'not-sent')) throw error;
        this.pausedUntil[i] = this.now() + REFUSED_REPLICA_PAUSE_MS;
        notSent = error;
      }
    }
    throw notSent;
  }

  /** Every replica once, starting at the next in turn; paused ones last (all paused: all tried). */
  private order(): number[] {
    const count = this.urls.length;
    const start = this.next;
    this.next = (this.next + 1) % Math.max(count, 1);
    const turn = Array.from({ length: count }, (_, k) => (start + k) % count);
    const now = this.now();
    return [
      ...turn.filter((i) => this.pausedUntil[i] <= now),
      ...turn.filter((i) => this.pausedUntil[i] > now),
    ];
  }
}

/**
 * The base URLs of `<SERVICE>_URL`, checked at boot: each an http(s) URL without query or
 * credentials, returned without a trailing slash (the gateway appends the request's path).
 * @throws Error naming the variable and the entry at fault.
 */
export function upstreamUrls(variable: string, entries: readonly string[] | undefined): string[] {
  return (entries ?? []).map((entry) => {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`${variable}: '${entry}' is not a URL (give base URLs, comma-separated).`);
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash)
      throw new Error(`${variable}: '${entry}' must be a plain http(s) base URL.`);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  });
}
