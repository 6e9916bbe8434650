/**
 * How tokens are verified: HS256 with a shared secret (development, the embedded default), or
 * the identity provider's JWKS (production). Exactly one of `jwtSecret` / `jwksUrl` is set; with
 * `jwksUrl`, `issuer` and `audience` are required.
 */
export interface AuthConfig {
  readonly jwtSecret?: string;
  readonly jwksUrl?: string;
  /** When set, tokens must carry this `iss` (`JWT_ISSUER`). */
  readonly issuer?: string;
  /** When set, tokens must carry this `aud` (`JWT_AUDIENCE`). */
  readonly audience?: string;
  /** Tokens issued (`iat`) longer ago are refused, whatever their `exp` (`TOKEN_MAX_AGE_SECONDS`, default 12 h). */
  readonly maxTokenAgeSeconds?: number;
}

/** DI token of the {@link AuthConfig}. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
