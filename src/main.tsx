import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { RouterProvider } from 'react-router';
import { router } from './app/router';
import { applyColorSchemeEarly, sessionColorSchemeManager } from './app/colorSchemeManager';
import { cssVariablesResolver, themeIn } from './app/theme';
import { activate } from './i18n/i18n';
import { initialLocale } from './i18n/locale';
import { I18nProvider, useT } from './i18n/react';
import './app/styles';

const root = document.getElementById('root')!;
const colorSchemeManager = sessionColorSchemeManager();
applyColorSchemeEarly(colorSchemeManager);

/** Mantine with the console's theme in the active language (a switch re-renders it, never remounts). */
function Mantine({ children }: { children: ReactNode }) {
  const closeLabel = useT()('common.close');
  const theme = useMemo(() => themeIn(closeLabel), [closeLabel]);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
    >
      {children}
    </MantineProvider>
  );
}

// React Query and the query cache arrive with the app shell (src/app/AppRoot.tsx): the login page does
// not need them, and the first page stays small. The first render waits for the messages of the
// visitor's language (one small chunk), so that no word shows in the wrong language.
activate(initialLocale()).then(
  () =>
    createRoot(root).render(
      <StrictMode>
        <I18nProvider>
          <Mantine>
            <RouterProvider router={router} />
          </Mantine>
        </I18nProvider>
      </StrictMode>,
    ),
  (error: unknown) => {
    console.error('The messages of the console could not be loaded', error);
    // No catalogue, so both languages, in plain text.
    root.textContent = 'The console could not be loaded: reload the page. 控制台加载失败，请刷新页面。';
  },
);
