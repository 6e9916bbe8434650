import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useAuth } from '../auth/auth-context';
import { createApi, type Api } from './client';

const ApiContext = createContext<Api | undefined>(undefined);

export function ApiProvider({ children }: { children: ReactNode }) {
  const { session, expire } = useAuth();
  // A 401 means the token is no longer good: back to sign-in, saying so (not a sign-out).
  const api = useMemo(() => createApi(() => session?.token, expire), [session, expire]);
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
