import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './api/queryClient';
import { router } from './app/router';
import { theme } from './app/theme';
import { getSessionState, subscribeSession } from './session/store';
import './app/styles';

const queryClient = createQueryClient();
// Logged out (here or in another tab): no cached data of that identity may remain.
subscribeSession(() => {
  if (getSessionState().status === 'anonymous') queryClient.clear();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
