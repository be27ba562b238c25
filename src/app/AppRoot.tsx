import { QueryClientProvider } from '@tanstack/react-query';
import { AppLayout } from './AppLayout';
import { queryClient } from './queryClient';

/** Everything behind the login: React Query and the shell, loaded on demand with the first page after it. */
export function AppRoot() {
  return (
    <QueryClientProvider client={queryClient}>
      <AppLayout />
    </QueryClientProvider>
  );
}
