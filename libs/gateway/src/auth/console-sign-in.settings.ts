import { ConfigError, loadConfig } from '@union/platform';
import type { AuthSettings } from '@union/runtime';

/**
 * How the console signs people in with OpenID Connect (authorization code + PKCE, S256), as
 * `GET /api/v1/auth/config` tells it. All of it is public: the console is a public client, and a
 * public client with PKCE has no secret.
 */
export interface ConsoleOidcSettings {
  /** The identity provider: `JWT_ISSUER`, the one issuer whose tokens the gateway accepts. */
  readonly issuer: string;
  /** `OIDC_CLIENT_ID`: the console's client at the identity provider. */
  readonly clientId: string;
  /** `OIDC_SCOPE` (default `openid profile`). */
  readonly scope: string;
  /**
   * `JWT_AUDIENCE` when it is not the client id: the console asks for an access token for that
   * audience (RFC 8707 `resource`) and sends it. Absent: the ID token (aud = client id) is the one
   * the gateway accepts.
   */
  readonly audience?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The console's OpenID Connect settings from the environment (`OIDC_CLIENT_ID`, `OIDC_SCOPE`),
 * validated at boot, or undefined when `OIDC_CLIENT_ID` is unset (no production sign-in offered).
 * The issuer and audience are the ones the gateway already verifies tokens against (`JWT_ISSUER`,
 * `JWT_AUDIENCE` with `JWKS_URL`): a second pair of variables could only disagree with them.
 * @throws ConfigError naming each problem.
 */
export function loadConsoleOidc(env: NodeJS.ProcessEnv, auth: AuthSettings): ConsoleOidcSettings | undefined {
  const c = loadConfig(
    {
      OIDC_CLIENT_ID: {
        type: 'string',
        description: "the console's client id at the identity provider (a public client, PKCE S256)",
      },
      OIDC_SCOPE: { type: 'string', default: 'openid profile', description: 'scopes the console asks for' },
    },
    env,
  );
  if (!c.OIDC_CLIENT_ID) return undefined;
  const problems: string[] = [];
  if (!auth.jwksUrl || !auth.issuer || !auth.audience) {
    problems.push(
      'OIDC_CLIENT_ID needs JWKS_URL, JWT_ISSUER and JWT_AUDIENCE: the console signs in at the identity provider whose tokens the gateway verifies',
    );
  } else {
    problems.push(...issuerProblems(auth.issuer));
  }
  if (!c.OIDC_SCOPE.split(/\s+/).includes('openid')) problems.push("OIDC_SCOPE must include 'openid'");
  if (problems.length > 0 || !auth.issuer || !auth.audience) throw new ConfigError(problems);
  return {
    issuer: auth.issuer,
    clientId: c.OIDC_CLIENT_ID,
    scope: c.OIDC_SCOPE.split(/\s+/).filter(Boolean).join(' '),
    ...(auth.audience !== c.OIDC_CLIENT_ID ? { audience: auth.audience } : {}),
  };
}

/** The browser fetches the issuer's discovery document and token endpoint: https, or http on loopback only. */
function issuerProblems(issuer: string): string[] {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return ["JWT_ISSUER must be the identity provider's URL when OIDC_CLIENT_ID is set"];
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return [];
  return ['JWT_ISSUER must be an https URL (http only on loopback) when OIDC_CLIENT_ID is set'];
}
