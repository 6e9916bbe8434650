/**
 * The signed-in user: a bearer token and what it says (sub, name, roles, units). Kept in
 * sessionStorage (gone with the tab). How the token was obtained is the sign-in method's
 * business: the development personas now, OpenID Connect (code + PKCE) later, both ending in
 * {@link saveSession}.
 */
export interface Session {
  readonly token: string;
  readonly sub: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly units: readonly string[];
  /** Seconds since the epoch. */
  readonly expiresAt: number;
}

const KEY = 'union-console-session';

/** The claims of a JWT, read (not verified: the gateway verifies every request). */
export function sessionFromToken(token: string): Session {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const json = new TextDecoder().decode(
    Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  );
  const claims = JSON.parse(json) as {
    sub: string;
    name?: string;
    roles?: string[];
    units?: string[];
    exp?: number;
  };
  return {
    token,
    sub: claims.sub,
    name: claims.name ?? claims.sub,
    roles: claims.roles ?? [],
    units: claims.units ?? [],
    expiresAt: claims.exp ?? 0,
  };
}

export function loadSession(now = Date.now()): Session | undefined {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  try {
    const session = JSON.parse(raw) as Session;
    return session.expiresAt * 1000 > now ? session : undefined;
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
