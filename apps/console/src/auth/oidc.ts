import { claimsOf, sessionFromToken, type Session } from './session';
import { MESSAGES, providerErrorMessage } from './sign-in-messages';

/**
 * Production sign-in: OpenID Connect, authorization code flow with PKCE (S256), state and nonce,
 * at the identity provider the gateway trusts (`GET /api/v1/auth/config`). Written out here rather
 * than through a client library: it is two steps (leave for the provider, come back with a code),
 * each check is visible and tested (oidc.unit.spec.ts), and every failure gets its own Chinese
 * sentence. The browser's storage, fetch, crypto and clock come in, so the flow runs in Node too.
 */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
  /** The API's audience when it is not the client id: ask for an access token for it (RFC 8707). */
  readonly audience?: string;
}

/** The provider's discovery document, the fields used here (OpenID Connect Discovery 1.0). */
export interface Discovery {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly end_session_endpoint?: string;
  readonly code_challenge_methods_supported?: readonly string[];
}

/** A sign-in that did not succeed; `message` is the sentence the sign-in page shows. */
export class SignInError extends Error {}

export interface FlowEnv {
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly fetch: typeof fetch;
  readonly crypto: Crypto;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
}

/** What is kept between leaving for the provider and coming back, in sessionStorage (this tab only). */
interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
  readonly config: OidcConfig;
  readonly tokenEndpoint: string;
  readonly endSessionEndpoint?: string;
  readonly returnTo?: string;
  readonly startedAt: number;
}

export const PENDING_KEY = 'union-console-oidc-pending';
/** A sign-in not completed within this time is refused when it comes back. */
export const PENDING_MAX_AGE_MS = 10 * 60_000;
/** The console's redirect URI, registered at the provider: `<origin>/auth/callback`. */
export const CALLBACK_PATH = '/auth/callback';

const fail = (message: string): never => {
  throw new SignInError(message);
};

/** `bytes` random bytes, base64url without padding (43 characters for 32 bytes). */
export function randomToken(crypto: Crypto, bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The PKCE S256 challenge of a verifier: base64url(SHA-256(verifier)) (RFC 7636 §4.2). */
export async function codeChallenge(crypto: Crypto, verifier: string): Promise<string> {
  if (!crypto.subtle) fail(MESSAGES.insecure); // only secure contexts (https, loopback) have it
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The provider's discovery document, checked: its `issuer` is the trusted one, and it offers S256. */
export async function discover(issuer: string, fetchFn: typeof fetch): Promise<Discovery> {
  let doc: Discovery;
  try {
    const res = await fetchFn(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
    if (!res.ok) return fail(MESSAGES.unreachable);
    doc = (await res.json()) as Discovery;
  } catch (error) {
    if (error instanceof SignInError) throw error;
    return fail(MESSAGES.unreachable);
  }
  // OpenID Connect Discovery §4.3: the issuer in the document must be the one asked for.
  if (doc.issuer !== issuer || !doc.authorization_endpoint || !doc.token_endpoint) fail(MESSAGES.discovery);
  const methods = doc.code_challenge_methods_supported;
  if (methods && !methods.includes('S256')) fail(MESSAGES.noS256);
  return doc;
}

/** Only a path of this console is a place to come back to (never `//host` or another origin). */
export function safeReturnPath(path: string | undefined): string | undefined {
  return path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : undefined;
}

/**
 * Starts a sign-in: the discovery document, a fresh state, nonce and PKCE verifier kept for the
 * way back, and the provider's authorization URL to send the browser to.
 */
export async function beginSignIn(
  config: OidcConfig,
  origin: string,
  returnTo: string | undefined,
  env: FlowEnv,
): Promise<string> {
  const doc = await discover(config.issuer, env.fetch);
  const pending: PendingSignIn = {
    state: randomToken(env.crypto),
    nonce: randomToken(env.crypto),
    codeVerifier: randomToken(env.crypto),
    redirectUri: `${origin}${CALLBACK_PATH}`,
    config,
    tokenEndpoint: doc.token_endpoint,
    endSessionEndpoint: doc.end_session_endpoint,
    returnTo: safeReturnPath(returnTo),
    startedAt: env.now(),
  };
  const url = new URL(doc.authorization_endpoint);
  const params = {
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: pending.redirectUri,
    scope: config.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await codeChallenge(env.crypto, pending.codeVerifier),
    code_challenge_method: 'S256',
    ...(config.audience ? { resource: config.audience } : {}),
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  env.storage.setItem(PENDING_KEY, JSON.stringify(pending));
  return url.toString();
}

/**
 * Completes a sign-in at the redirect URI: the state checked against the one kept (used once,
 * then forgotten), the code exchanged with its PKCE verifier, the ID token's issuer, audience,
 * nonce and expiry checked, and the session made of the token the gateway accepts.
 */
export async function completeSignIn(
  callbackUrl: string,
  env: FlowEnv,
): Promise<{ session: Session; returnTo?: string }> {
  const params = new URL(callbackUrl).searchParams;
  const pending = takePending(env);
  const error = params.get('error');
  if (error) fail(providerErrorMessage(error));
  if (!pending) return fail(MESSAGES.noPending);
  if (params.get('state') !== pending.state) fail(MESSAGES.stateMismatch);
  if (env.now() - pending.startedAt > PENDING_MAX_AGE_MS) fail(MESSAGES.expired);
  // RFC 9207: a provider that names itself must name the trusted issuer (mix-up attacks).
  const iss = params.get('iss');
  if (iss !== null && iss !== pending.config.issuer) fail(MESSAGES.wrongIssuer);
  const code = params.get('code');
  if (!code) return fail(MESSAGES.noCode);
  const tokens = await exchangeCode(pending, code, env.fetch);
  return { session: sessionOf(pending, tokens, env.now()), returnTo: pending.returnTo };
}

function takePending(env: FlowEnv): PendingSignIn | undefined {
  const raw = env.storage.getItem(PENDING_KEY);
  env.storage.removeItem(PENDING_KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as PendingSignIn;
  } catch {
    return undefined;
  }
}

interface TokenAnswer {
  readonly id_token?: string;
  readonly access_token?: string;
  readonly error?: string;
}

async function exchangeCode(
  pending: PendingSignIn,
  code: string,
  fetchFn: typeof fetch,
): Promise<TokenAnswer> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: pending.redirectUri,
    client_id: pending.config.clientId,
    code_verifier: pending.codeVerifier,
  });
  if (pending.config.audience) body.set('resource', pending.config.audience);
  let res: Response;
  let answer: TokenAnswer;
  try {
    res = await fetchFn(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
    });
    answer = (await res.json()) as TokenAnswer;
  } catch {
    return fail(MESSAGES.unreachable);
  }
  if (!res.ok || answer.error) {
    if (answer.error === 'invalid_grant') fail(MESSAGES.invalidGrant);
    fail(`统一身份认证未能签发令牌（错误代码 ${answer.error ?? res.status}），请重新登录。`);
  }
  return answer;
}

const audienceOf = (claims: Record<string, unknown>): unknown[] =>
  Array.isArray(claims.aud) ? claims.aud : [claims.aud];

function readClaims(token: string | undefined, message: string): Record<string, unknown> {
  if (!token) return fail(message);
  try {
    return claimsOf(token);
  } catch {
    return fail(message);
  }
}

/**
 * The ID token is checked as OpenID Connect Core §3.1.3.7 asks of a client that received it
 * straight from the token endpoint over TLS (so its signature need not be checked here; the
 * gateway verifies every token it is sent against the provider's keys).
 */
function sessionOf(pending: PendingSignIn, tokens: TokenAnswer, now: number): Session {
  const { config } = pending;
  const id = readClaims(tokens.id_token, MESSAGES.idToken);
  if (id.iss !== config.issuer || !audienceOf(id).includes(config.clientId) || id.nonce !== pending.nonce)
    fail(MESSAGES.idToken);
  if (typeof id.exp !== 'number' || id.exp * 1000 <= now) fail(MESSAGES.idTokenExpired);
  let bearer = tokens.id_token as string;
  if (config.audience) {
    const access = readClaims(tokens.access_token, MESSAGES.accessToken);
    if (access.iss !== config.issuer || !audienceOf(access).includes(config.audience))
      fail(MESSAGES.accessToken);
    bearer = tokens.access_token as string;
  }
  let session: Session;
  try {
    session = sessionFromToken(bearer);
  } catch {
    return fail(MESSAGES.accessToken);
  }
  if (session.roles.length === 0 || session.units.length === 0) fail(MESSAGES.noRoles);
  if (session.expiresAt * 1000 <= now) fail(MESSAGES.sessionExpired);
  // An access token may not carry the person's name; the ID token does (scope profile).
  const name =
    session.name === session.sub && typeof id.name === 'string' && id.name ? id.name : session.name;
  return {
    ...session,
    name,
    ...(pending.endSessionEndpoint
      ? {
          providerSignOut: {
            endSessionEndpoint: pending.endSessionEndpoint,
            idToken: tokens.id_token as string,
            clientId: config.clientId,
          },
        }
      : {}),
  };
}

/** The browser's own storage, fetch, crypto and clock. */
export const browserEnv = (): FlowEnv => ({
  storage: sessionStorage,
  fetch: (input, init) => fetch(input, init),
  crypto: globalThis.crypto,
  now: () => Date.now(),
});
