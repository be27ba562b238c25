import type { ReactElement, ReactNode } from 'react';
import { render as rtlRender } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { createQueryClient } from '../api/queryClient';
import { theme } from '../app/theme';
import { I18nProvider } from '../i18n/react';

export function render(
  ui: ReactElement,
  { route = '/', client = createQueryClient() }: { route?: string; client?: QueryClient } = {},
) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider>
      <MantineProvider theme={theme} env="test">
        <QueryClientProvider client={client}>
          <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
        </QueryClientProvider>
      </MantineProvider>
    </I18nProvider>
  );
  return { client, ...rtlRender(ui, { wrapper }) };
}
