import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { colorSchemeStorageKey, sessionColorSchemeManager } from '../app/colorSchemeManager';
import { theme } from '../app/theme';
import { I18nProvider } from '../i18n/react';
import { ThemeMenu } from './ThemeMenu';

// As main.tsx mounts it.
function renderMenu() {
  render(
    <I18nProvider>
      <MantineProvider
        theme={theme}
        colorSchemeManager={sessionColorSchemeManager()}
        defaultColorScheme="auto"
      >
        <ThemeMenu />
      </MantineProvider>
    </I18nProvider>,
  );
  return within(screen.getByRole('radiogroup', { name: 'Theme' }));
}

const scheme = () => document.documentElement.getAttribute('data-mantine-color-scheme');

describe('the theme menu', () => {
  it('follows the system by default, and a choice holds for the tab in sessionStorage only', async () => {
    const user = userEvent.setup();
    const menu = renderMenu();
    expect(menu.getByRole('radio', { name: 'System' })).toBeChecked();
    expect(scheme()).toBe('light'); // the test browser's system theme is light

    await user.click(menu.getByRole('radio', { name: 'Dark' }));
    expect(scheme()).toBe('dark');
    expect(menu.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(sessionStorage.getItem(colorSchemeStorageKey)).toBe('dark');
    expect(localStorage.length).toBe(0);
  });

  it('a reload in the same tab keeps the choice', () => {
    sessionStorage.setItem(colorSchemeStorageKey, 'dark');
    const menu = renderMenu();
    expect(menu.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(scheme()).toBe('dark');
  });

  it('names its three choices in the active language, for screen readers and on hover', () => {
    const menu = renderMenu();
    expect(menu.getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['auto', 'light', 'dark']);
    expect(menu.getByTitle('Light')).toBeInTheDocument();
  });
});
