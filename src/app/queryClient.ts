import { onlineManager } from '@tanstack/react-query';
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

// While the session has expired (the re-login dialog is open), reads wait instead of failing behind the
// dialog; they go on once the admin has logged in again. React Query pauses queries while "offline".
onlineManager.setEventListener((setOnline) => {
  const update = () => setOnline(navigator.onLine !== false && getSessionState().status !== 'expired');
  update();
  const unsubscribe = subscribeSession(update);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  return () => {
    unsubscribe();
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  };
});
