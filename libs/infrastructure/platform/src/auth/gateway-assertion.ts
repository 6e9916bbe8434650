import { createHash, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { ProblemException } from '../problem/problem.exception';

/** Request header carrying the gateway's assertion on every call it makes to a service. */
export const GATEWAY_ASSERTION_HEADER = 'x-gateway-assertion';
/** `iss` of every assertion. */
export const ASSERTION_ISSUER = 'union-gateway';
/** How long an assertion is valid: one call in flight, so a leaked one is soon worthless. */
export const ASSERTION_TTL_SECONDS = 30;
/** Tolerated difference between the clocks of the gateway's host and a service's. */
export const ASSERTION_CLOCK_SKEW_SECONDS = 10;

// Explicit typing (RFC 8725 §3.11): no other JWT (a user's token) can pass for an assertion. The
// header is fixed, so it is compared as bytes rather than parsed.
const HEADER = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'gateway-assertion+jwt' })).toString(
  'base64url',
);

/** One call of the gateway to a service, as its assertion binds it. */
export interface HopCall {
  /** The service called (`aud`). */
  readonly service: string;
  readonly method: string;
  /** Path and query exactly as sent to the service. */
  readonly url: string;
  /** The caller's `Authorization` header as the call carries it, if any. */
  readonly authorization?: string;
  /** The correlation id the gateway assigned to the request. */
  readonly correlationId: string;
  /** The client's own `x-correlation-id`, passed on as a reference only. */
  readonly clientCorrelationId?: string;
}

/**
 * The claims of an assertion, a JWT (compact JWS, EdDSA/Ed25519): RFC 7519's registered claims,
 * RFC 9449's `htm`/`htu`/`ath` for the request it is good for, and the correlation ids.
 */
export interface GatewayAssertionClaims {
  readonly iss: string;
  readonly aud: string;
  readonly iat: number;
  readonly exp: number;
  /** Single use: a service refuses an id it has seen. */
  readonly jti: string;
  readonly htm: string;
  readonly htu: string;
  /** base64url SHA-256 of the `Authorization` header; absent when the call carries none. */
  readonly ath?: string;
  readonly cid: string;
  readonly ccid?: string;
}

/** What a service learns from a valid assertion. */
export interface VerifiedHop {
  readonly correlationId: string;
  readonly clientCorrelationId?: string;
}

/** The parts of a request a service checks against the assertion. */
export interface HopRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization?: string;
  readonly assertion?: string;
}

/** base64url SHA-256 of an `Authorization` header value (the assertion's `ath`). */
export function authorizationHash(authorization: string): string {
  return createHash('sha256').update(authorization).digest('base64url');
}

/**
 * Signs the assertion for one call (node:crypto, synchronous: about a third of the CPU of jose's
 * asynchronous path, on every forwarded call). Sign each attempt afresh: a service accepts an
 * assertion once.
 */
export function signGatewayAssertion(privateKey: KeyObject, call: HopCall, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const claims: GatewayAssertionClaims = {
    iss: ASSERTION_ISSUER,
    aud: call.service,
    iat,
    exp: iat + ASSERTION_TTL_SECONDS,
    jti: randomUUID(),
    htm: call.method.toUpperCase(),
    htu: call.url,
    ath: call.authorization === undefined ? undefined : authorizationHash(call.authorization),
    cid: call.correlationId,
    ccid: call.clientCorrelationId,
  };
  const input = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

/** A refused hop: 401 when the assertion is missing or not the gateway's, 403 when it is for another request. */
export class AssertionRefused extends ProblemException {
  constructor(
    readonly reason: 'missing' | 'invalid' | 'expired' | 'mismatch' | 'replayed',
    detail: string,
  ) {
    super(reason === 'mismatch' || reason === 'replayed' ? 'FORBIDDEN' : 'UNAUTHENTICATED', detail);
    this.name = 'AssertionRefused';
    this.message = detail;
  }
}

/**
 * A service's check that a request came from the gateway, for this very request: signed with the
 * gateway's key, for this service, in its lifetime, for this method, path and query and caller's
 * token, and not seen before. Assertion ids are remembered until they expire (per process: at
 * 1,000 calls a second that is about 40,000 ids).
 */
export class GatewayAssertionVerifier {
  private readonly seen = new Map<string, number>();
  private nextSweep = 0;

  constructor(
    private readonly publicKey: KeyObject,
    private readonly service: string,
  ) {}

  /** @throws AssertionRefused */
  verify(req: HopRequest, now = Date.now()): VerifiedHop {
    const claims = this.authentic(req.assertion);
    const seconds = now / 1000;
    if (claims.aud !== this.service) {
      throw new AssertionRefused(
        'mismatch',
        `The gateway assertion was issued for ${claims.aud}, not this service.`,
      );
    }
    if (claims.exp <= seconds - ASSERTION_CLOCK_SKEW_SECONDS) {
      throw new AssertionRefused('expired', 'The gateway assertion has expired.');
    }
    if (
      claims.iat > seconds + ASSERTION_CLOCK_SKEW_SECONDS ||
      claims.exp - claims.iat > ASSERTION_TTL_SECONDS
    ) {
      throw new AssertionRefused('invalid', "The gateway assertion's lifetime is not valid.");
    }
    if (claims.htm !== req.method.toUpperCase() || claims.htu !== req.url) {
      throw new AssertionRefused('mismatch', 'The gateway assertion was issued for another method or path.');
    }
    const ath = req.authorization === undefined ? undefined : authorizationHash(req.authorization);
    if (claims.ath !== ath) {
      throw new AssertionRefused('mismatch', "The gateway assertion was issued for another caller's token.");
    }
    this.spend(claims.jti, claims.exp, now);
    return { correlationId: claims.cid, clientCorrelationId: claims.ccid };
  }

  /** The claims of an assertion signed with the gateway's key, well formed. */
  private authentic(token: string | undefined): GatewayAssertionClaims {
    if (token === undefined || token === '') {
      throw new AssertionRefused(
        'missing',
        'The request carries no gateway assertion: services are reached only through the gateway.',
      );
    }
    const [header, payload, signature, extra] = token.split('.');
    if (header !== HEADER || payload === undefined || signature === undefined || extra !== undefined) {
      throw new AssertionRefused('invalid', 'The gateway assertion is malformed.');
    }
    let valid = false;
    try {
      valid = verify(
        null,
        Buffer.from(`${header}.${payload}`),
        this.publicKey,
        Buffer.from(signature, 'base64url'),
      );
    } catch {
      valid = false;
    }
    if (!valid) throw new AssertionRefused('invalid', 'The gateway assertion signature is not valid.');
    const claims = parseClaims(payload);
    if (claims === undefined) throw new AssertionRefused('invalid', 'The gateway assertion is malformed.');
    return claims;
  }

  private spend(jti: string, exp: number, now: number): void {
    if (now >= this.nextSweep) {
      for (const [id, until] of this.seen) if (until <= now) this.seen.delete(id);
      this.nextSweep = now + 5_000;
    }
    if (this.seen.has(jti)) throw new AssertionRefused('replayed', 'The gateway assertion was already used.');
    this.seen.set(jti, (exp + ASSERTION_CLOCK_SKEW_SECONDS) * 1000);
  }
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isOptionalText = (v: unknown): v is string | undefined => v === undefined || isText(v);

function parseClaims(payload: string): GatewayAssertionClaims | undefined {
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const wellFormed =
    typeof claims === 'object' &&
    claims !== null &&
    claims.iss === ASSERTION_ISSUER &&
    [claims.aud, claims.jti, claims.htm, claims.htu, claims.cid].every(isText) &&
    isOptionalText(claims.ath) &&
    isOptionalText(claims.ccid) &&
    Number.isSafeInteger(claims.iat) &&
    Number.isSafeInteger(claims.exp);
  return wellFormed ? (claims as unknown as GatewayAssertionClaims) : undefined;
}
