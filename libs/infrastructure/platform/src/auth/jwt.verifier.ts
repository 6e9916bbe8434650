import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ProblemException } from '../problem/problem.exception';
import { AUTH_CONFIG, type AuthConfig } from './auth.config';
import { isRole, type Principal } from './principal';

// Asymmetric algorithms an identity provider may use; HS256 is accepted only with a shared secret.
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;
/** Default of {@link AuthConfig.maxTokenAgeSeconds}: a working day. */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 12 * 3600;
/** How far in the future a token's `iat` may be: the identity provider's clock may run ahead. */
export const IAT_CLOCK_SKEW_SECONDS = 60;

/** A 401 problem; `WWW-Authenticate` tells clients which scheme to use (RFC 6750). */
export function unauthenticated(detail: string): ProblemException {
  return new ProblemException('UNAUTHENTICATED', detail, { headers: { 'WWW-Authenticate': 'Bearer' } });
}

/**
 * Verifies bearer tokens and turns their claims into a {@link Principal}. Every refusal is a
 * 401 `UNAUTHENTICATED` problem whose detail says what was wrong with the token.
 */
@Injectable()
export class JwtVerifier {
  private readonly verified = new Map<string, { principal: Principal; until: number }>();
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly maxAgeSeconds: number;

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {
    if ((config.jwtSecret === undefined) === (config.jwksUrl === undefined)) {
      throw new Error('Authentication needs exactly one of JWT_SECRET and JWKS_URL.');
    }
    // Any client of the identity provider gets tokens signed with the same keys: only the issuer
    // and the audience say a token was meant for this platform.
    if (config.jwksUrl !== undefined && (!config.issuer || !config.audience)) {
      throw new Error('With JWKS_URL, JWT_ISSUER and JWT_AUDIENCE are required.');
    }
    this.maxAgeSeconds = config.maxTokenAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS;
    if (config.jwtSecret !== undefined) {
      this.key = new TextEncoder().encode(config.jwtSecret);
      this.algorithms = ['HS256'];
    } else {
      this.key = createRemoteJWKSet(new URL(config.jwksUrl as string));
      this.algorithms = JWKS_ALGORITHMS;
    }
  }

  /** The principal of a valid token. @throws ProblemException 401 (503 if the JWKS is unreachable). */
  async verify(token: string): Promise<Principal> {
    const cached = this.verified.get(token);
    if (cached !== undefined && cached.until > Date.now()) return cached.principal;
    const { principal, until } = await this.verifyAfresh(token);
    this.remember(token, principal, until);
    return principal;
  }

  /**
   * A token already verified is taken from a small cache until it expires or grows too old, at
   * most a minute: the gateway verifies each request's token twice (rate limit, then auth) and a
   * client sends the same token for many requests. The minute bounds how long a key the provider
   * withdrew still counts.
   */
  private remember(token: string, principal: Principal, validUntil: number): void {
    const until = Math.min(validUntil, Date.now() + VERIFIED_TTL_MS);
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { principal, until });
  }

  /** The principal, and until when (ms) the token stays valid: its `exp`, or its maximum age. */
  private async verifyAfresh(token: string): Promise<{ principal: Principal; until: number }> {
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: this.algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
      };
      // jose types the key as one of two overloads; both are handled identically at runtime.
      payload = (
        typeof this.key === 'function'
          ? await jwtVerify(token, this.key, options)
          : await jwtVerify(token, this.key, options)
      ).payload;
    } catch (error) {
      throw refusal(error);
    }
    // jose checked that exp and iat are numbers; the age is checked here, with a skew for iat
    // alone (jose's clockTolerance would also stretch exp).
    const { iat, exp } = payload as { iat: number; exp: number };
    const now = Date.now() / 1000;
    if (iat > now + IAT_CLOCK_SKEW_SECONDS) throw unauthenticated("The token's iat claim is in the future.");
    if (now - iat > this.maxAgeSeconds) {
      throw unauthenticated(
        `The token is older than the maximum token age (${this.maxAgeSeconds} s); sign in again.`,
      );
    }
    return {
      principal: principalOf(payload),
      until: Math.min(exp, iat + this.maxAgeSeconds) * 1000,
    };
  }
}

function refusal(error: unknown): ProblemException {
  if (error instanceof errors.JWTExpired) return unauthenticated('The token has expired.');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return unauthenticated('The token signature is not valid.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    return unauthenticated(`The token's ${error.claim} claim is not valid (${error.reason}).`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return unauthenticated('The token is signed with an algorithm that is not allowed.');
  if (error instanceof errors.JWKSNoMatchingKey)
    return unauthenticated('The token is signed with an unknown key.');
  // Not a JOSE error: the JWKS request itself failed (network), which is not the caller's fault.
  if (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    !(error instanceof errors.JOSEError)
  ) {
    return new ProblemException(
      'SERVICE_UNAVAILABLE',
      'The identity provider keys could not be fetched; try again shortly.',
      {
        cause: error,
      },
    );
  }
  return unauthenticated('The token is malformed.');
}

/** Checks the claims API.md defines and builds the principal. */
export function principalOf(payload: JWTPayload): Principal {
  const { sub, name, roles, units } = payload as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || sub.length === 0) throw unauthenticated("The token's sub claim is missing.");
  // An empty list grants nothing anyone meant to grant: a route without @Roles, or a check that
  // reads "no unit outside the list", would let such a token through.
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw unauthenticated(
      "The token's roles claim must be a non-empty list of caseworker, reviewer, auditor, admin.",
    );
  }
  if (
    !Array.isArray(units) ||
    units.length === 0 ||
    !units.every((u): u is string => typeof u === 'string' && u.length > 0)
  ) {
    throw unauthenticated('The token\'s units claim must be a non-empty list of unit ids (or ["*"]).');
  }
  return { sub, name: typeof name === 'string' && name.length > 0 ? name : sub, roles, units };
}
