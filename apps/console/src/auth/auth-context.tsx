import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import {
  clearSession,
  loadSession,
  providerSignOutUrl,
  saveSession,
  sessionExpired,
  type Session,
} from './session';

interface Auth {
  readonly session: Session | undefined;
  /** A sentence for the sign-in page (the session expired), until the next sign-in. */
  readonly notice: string | undefined;
  readonly signIn: (session: Session) => void;
  /**
   * The person signs out: the session is forgotten and, when an identity provider holds a session
   * for them (OpenID Connect), the browser goes on to end it there, coming back to /login.
   */
  readonly signOut: () => void;
  /** The gateway refused the token (401): the session is forgotten and the sign-in page says why. */
  readonly expire: () => void;
}

const EXPIRED = '登录已过期，请重新登录。';

const AuthContext = createContext<Auth | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState(() => loadSession());
  const [notice, setNotice] = useState(() => (sessionExpired() ? EXPIRED : undefined));
  const signIn = useCallback((s: Session) => {
    saveSession(s);
    setNotice(undefined);
    setSession(s);
  }, []);
  const signOut = useCallback(() => {
    const stored = loadSession() ?? session;
    const providerUrl = stored && providerSignOutUrl(stored, window.location.origin);
    clearSession();
    setNotice(undefined);
    setSession(undefined);
    if (providerUrl) window.location.assign(providerUrl);
  }, [session]);
  const expire = useCallback(() => {
    clearSession();
    setNotice(EXPIRED);
    setSession(undefined);
  }, []);
  const value = useMemo(
    () => ({ session, notice, signIn, signOut, expire }),
    [session, notice, signIn, signOut, expire],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
