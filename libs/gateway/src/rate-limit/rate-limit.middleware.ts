import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import {
  bearerTokenIn,
  JwtVerifier,
  MetricsRegistry,
  pathOf,
  ProblemException,
  type Counter,
  type Principal,
} from '@union/platform';
import { GATEWAY_SETTINGS } from '../gateway.di-tokens';
import type { GatewaySettings } from '../gateway.settings';
import { FixedWindowLimiter } from './fixed-window.limiter';

/**
 * Limits each user to `RATE_LIMIT_PER_MINUTE` requests: keyed on the verified token's `sub`
 * (an unverified one could be varied to dodge the limit), or the client IP without a valid
 * token. Over the limit: 429 `RATE_LIMITED` with `Retry-After`. Health and metrics are exempt.
 * The forwarding handler, which verifies the token itself, calls {@link take}; the gateway's own
 * (Nest) routes go through {@link use}.
 */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware {
  private readonly limiter: FixedWindowLimiter;
  private readonly refused: Counter;

  constructor(
    @Inject(GATEWAY_SETTINGS) settings: GatewaySettings,
    private readonly verifier: JwtVerifier,
    metrics: MetricsRegistry,
  ) {
    this.limiter = new FixedWindowLimiter(settings.rateLimitPerMinute);
    this.refused = metrics.counter(
      'gateway_rate_limited_total',
      'Requests refused with 429 by the rate limit.',
    );
  }

  async use(req: IncomingMessage, _res: unknown, next: () => void): Promise<void> {
    const path = pathOf(req);
    if (path.startsWith('/health/') || path === '/metrics') return next();
    this.take(req, await this.principalOf(req));
    next();
  }

  /**
   * Counts `req` against its sender: `principal` when its token verified, else the client
   * address. Throws the 429 problem once the sender is over the limit.
   */
  take(req: IncomingMessage, principal: Principal | undefined): void {
    const key = principal ? `sub:${principal.sub}` : `ip:${req.socket.remoteAddress ?? 'unknown'}`;
    const decision = this.limiter.take(key);
    if (decision.allowed) return;
    this.refused.inc();
    throw new ProblemException(
      'RATE_LIMITED',
      `Too many requests; try again in ${decision.retryAfterSeconds} seconds.`,
      { headers: { 'Retry-After': String(decision.retryAfterSeconds) } },
    );
  }

  private async principalOf(req: IncomingMessage): Promise<Principal | undefined> {
    const token = bearerTokenIn(req.headers.authorization);
    if (token === undefined) return undefined;
    try {
      return await this.verifier.verify(token);
    } catch {
      // An invalid token counts against the address; the auth guard answers 401 later.
      return undefined;
    }
  }
}
