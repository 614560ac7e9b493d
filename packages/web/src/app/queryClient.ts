import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { CurrentUser } from '@pacer/domain';
import { ApiRequestError } from './api.ts';

export const ME_KEY = ['auth', 'me'] as const;

/** A 401 anywhere means the session ended (expired, signed out elsewhere): forget the user. */
function onError(error: unknown) {
  if (error instanceof ApiRequestError && error.status === 401) {
    queryClient.setQueryData<CurrentUser | null>(ME_KEY, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors will not fix themselves by asking again.
      retry: (count, error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
