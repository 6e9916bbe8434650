import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ProblemException } from '../problem/problem.exception';
import { AUTH_CONFIG, type AuthConfig } from './auth.config';
import { isRole, type Principal } from './principal';

// Asymmetric algorithms an identity provider may use; HS256 is accepted only with a shared secret.
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;

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

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {
    if ((config.jwtSecret === undefined) === (config.jwksUrl === undefined)) {
      throw new Error('Authentication needs exactly one of JWT_SECRET and JWKS_URL.');
    }
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
    const { principal, exp } = await this.verifyAfresh(token);
    this.remember(token, principal, exp);
    return principal;
  }

  /**
   * A token already verified is taken from a small cache until it expires, at most a minute: the
   * gateway verifies each request's token twice (rate limit, then auth) and a client sends the same
   * token for many requests. The minute bounds how long a key the provider withdrew still counts.
   */
  private remember(token: string, principal: Principal, exp: number | undefined): void {
    const until = Math.min((exp ?? 0) * 1000, Date.now() + VERIFIED_TTL_MS);
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { principal, until });
  }

  private async verifyAfresh(token: string): Promise<{ principal: Principal; exp?: number }> {
    let payload: JWTPayload;
    try {
      const options = {
        algorithms: this.algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ['sub', 'exp'],
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
    return { principal: principalOf(payload), exp: payload.exp };
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
  if (!Array.isArray(roles) || !roles.every(isRole)) {
    throw unauthenticated("The token's roles claim must be a list of caseworker, reviewer, auditor, admin.");
  }
  if (!Array.isArray(units) || !units.every((u): u is string => typeof u === 'string' && u.length > 0)) {
    throw unauthenticated('The token\'s units claim must be a list of unit ids (or ["*"]).');
  }
  return { sub, name: typeof name === 'string' && name.length > 0 ? name : sub, roles, units };
}
