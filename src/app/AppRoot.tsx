import { QueryClientProvider } from '@tanstack/react-query';
import { ApiLogLinkContext } from '../components/api-log/linkContext';
import { apiLogLink } from '../features/api-log/ApiLogLink';
import { AppLayout } from './AppLayout';
import { queryClient } from './queryClient';

/**
 * Everything behind the login: React Query and the shell, loaded on demand with the first page after it;
 * inline errors there link to their call in the API log.
 */
export function AppRoot() {
  return (
    <QueryClientProvider client={queryClient}>
      <ApiLogLinkContext.Provider value={apiLogLink}>
        <AppLayout />
      </ApiLogLinkContext.Provider>
    </QueryClientProvider>
  );
}
