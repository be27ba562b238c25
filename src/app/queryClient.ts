import { createQueryClient } from '../api/queryClient';
import { onClearCachedData } from '../session/cachedData';
import { getSessionState, subscribeSession } from '../session/store';

/** The console's one query cache, created with the app shell (the login page needs none). */
export const queryClient = createQueryClient();

onClearCachedData(() => queryClient.clear());
// Logged out (here or in another tab): no cached data of that identity may remain.
subscribeSession(() => {
  if (getSessionState().status === 'anonymous') queryClient.clear();
});
