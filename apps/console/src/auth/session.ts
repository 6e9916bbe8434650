/**
 * The signed-in user: a bearer token and what it says (sub, name, roles, units). Kept in
 * sessionStorage (gone with the tab). How the token was obtained is the sign-in method's
 * business: the development personas (dev-login.ts) or OpenID Connect, code + PKCE (oidc.ts),
 * both ending in {@link saveSession}.
 */
export interface Session {
  readonly token: string;
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly units: readonly string[];
  /** Seconds since the epoch. */
  readonly expiresAt: number;
  /** Signed in at an identity provider that can end its own session too (RP-initiated logout). */
  readonly providerSignOut?: ProviderSignOut;
}

/** What ending the identity provider's session takes (OpenID Connect RP-Initiated Logout 1.0). */
export interface ProviderSignOut {
  readonly endSessionEndpoint: string;
  readonly idToken: string;
  readonly clientId: string;
}

const KEY = 'union-console-session';

/** The claims of a JWT, read (not verified: the gateway verifies every request). @throws Error if it is not a JWT. */
export function claimsOf(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) throw new Error('not a JWT');
  const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  const claims: unknown = JSON.parse(json);
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new Error('not a JWT');
  return claims as Record<string, unknown>;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The session a bearer token makes: its `sub`, `name` (else the sub), `roles`, `units` and `exp`. */
export function sessionFromToken(token: string): Session {
  const claims = claimsOf(token);
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new Error('the token has no sub');
  return {
    token,
    sub: claims.sub,
    name: typeof claims.name === 'string' && claims.name !== '' ? claims.name : claims.sub,
    roles: strings(claims.roles),
    units: strings(claims.units),
    expiresAt: typeof claims.exp === 'number' ? claims.exp : 0,
  };
}

/** The stored session, if there is one that has not expired. */
export function loadSession(now = Date.now()): Session | undefined {
  const session = storedSession();
  return session && session.expiresAt * 1000 > now ? session : undefined;
}

/** A session was stored and has expired since (the sign-in page says so). */
export function sessionExpired(now = Date.now()): boolean {
  const session = storedSession();
  return session !== undefined && session.expiresAt * 1000 <= now;
}

function storedSession(): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/**
 * Where to send the browser to end the identity provider's session as well, coming back to the
 * console's sign-in page; undefined for a session the provider does not hold (dev personas).
 */
export function providerSignOutUrl(session: Session, origin: string): string | undefined {
  const out = session.providerSignOut;
  if (!out) return undefined;
  const url = new URL(out.endSessionEndpoint);
  url.searchParams.set('id_token_hint', out.idToken);
  url.searchParams.set('client_id', out.clientId);
  url.searchParams.set('post_logout_redirect_uri', `${origin}/login`);
  return url.toString();
}
