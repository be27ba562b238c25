import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isPermissionError, isRetryable, type ZStackError } from './errors';

// Every query and mutation of the console fails with a ZStackError (src/api/client.ts turns every
// failure into one): React Query types `error` so, instead of a cast at each use.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ZStackError;
  }
}

/** Query key of the capability model: refreshed whenever ZStack refuses something as not permitted. */
export const capabilityKey = ['capabilities'] as const;

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isPermissionError(error)) void client.invalidateQueries({ queryKey: capabilityKey });
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isPermissionError(error)) void client.invalidateQueries({ queryKey: capabilityKey });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        gcTime: 5 * 60_000,
        // ZStack's business errors (validation, permission, session) give the same answer again:
        // retry only transport failures, twice.
        retry: (failureCount, error) => failureCount < 2 && isRetryable(error),
        refetchOnWindowFocus: false,
      },
      mutations: {
        // Writes are never repeated behind the admin's back, and never held back to be sent later: a
        // write without a session fails at once and says so.
        retry: false,
        networkMode: 'always',
      },
    },
  });
  return client;
}
