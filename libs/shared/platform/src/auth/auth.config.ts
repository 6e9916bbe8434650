/**
 * How tokens are verified: HS256 with a shared secret (development, the embedded default), or
 * the identity provider's JWKS (production). Exactly one of `jwtSecret` / `jwksUrl` is set.
 */
export interface AuthConfig {
  readonly jwtSecret?: string;
  readonly jwksUrl?: string;
  /** When set, tokens must carry this `iss`. */
  readonly issuer?: string;
  /** When set, tokens must carry this `aud`. */
  readonly audience?: string;
}

/** DI token of the {@link AuthConfig}. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
