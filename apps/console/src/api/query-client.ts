import { QueryClient } from '@tanstack/react-query';

/**
 * The console's one query cache. A module of its own so a screen's data can be asked for before
 * React first renders (工作台's counts, fetched while the shell is still starting).
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, staleTime: 10_000, refetchOnWindowFocus: false } },
});
