import { SignJWT } from 'jose';
import type { Role } from './principal';

/** Claims of a development token (API.md: `POST /api/v1/auth/dev-token`). */
export interface DevTokenClaims {
  readonly sub: string;
  readonly name?: string;
  readonly roles: readonly Role[];
  readonly units: readonly string[];
}

/**
 * Signs an HS256 token with `secret`, valid for `ttlSeconds`, for the dev-token route and tests.
 * Pass `issuer`/`audience` when the verifier is configured with them.
 */
export async function signDevToken(
  secret: string,
  claims: DevTokenClaims,
  ttlSeconds: number,
  options: { issuer?: string; audience?: string; now?: Date } = {},
): Promise<string> {
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  let jwt = new SignJWT({
    name: claims.name ?? claims.sub,
    roles: [...claims.roles],
    units: [...claims.units],
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds);
  if (options.issuer !== undefined) jwt = jwt.setIssuer(options.issuer);
  if (options.audience !== undefined) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
