import { MESSAGES } from './sign-in-messages';

/**
 * Production sign-in: OpenID Connect, authorization code flow with PKCE (S256), state and nonce,
 * at the identity provider the gateway trusts (`GET /api/v1/auth/config`). Written out here rather
 * than through a client library: it is two steps (leave for the provider, come back with a code),
 * each check is visible and tested (oidc.unit.spec.ts), and every failure gets its own Chinese
 * sentence. The browser's storage, fetch, crypto and clock come in, so the flow runs in Node too.
 * The way back (the redirect URI) is oidc-callback.ts.
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
export interface PendingSignIn {
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

/** Ends the sign-in with `message`. */
export const fail = (message: string): never => {
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

/** The browser's own storage, fetch, crypto and clock. */
export const browserEnv = (): FlowEnv => ({
  storage: sessionStorage,
  fetch: (input, init) => fetch(input, init),
  crypto: globalThis.crypto,
  now: () => Date.now(),
});
