import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { colorSchemeStorageKey, sessionColorSchemeManager } from '../app/colorSchemeManager';
import { theme } from '../app/theme';
import { I18nProvider } from '../i18n/react';
import { ThemeMenu } from './ThemeMenu';

// As main.tsx mounts it.
function renderMenu() {
  return render(
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
}

const scheme = () => document.documentElement.getAttribute('data-mantine-color-scheme');

describe('the theme menu', () => {
  it('follows the system by default, and a choice holds for the tab in sessionStorage only', async () => {
    const user = userEvent.setup();
    renderMenu();
    const menu = screen.getByRole('combobox', { name: 'Theme' });
    expect(menu).toHaveValue('auto');
    expect(scheme()).toBe('light'); // the test browser's system theme is light

    await user.selectOptions(menu, 'Dark');
    expect(scheme()).toBe('dark');
    expect(sessionStorage.getItem(colorSchemeStorageKey)).toBe('dark');
    expect(localStorage.length).toBe(0);
  });

  it('a reload in the same tab keeps the choice', () => {
    sessionStorage.setItem(colorSchemeStorageKey, 'dark');
    renderMenu();
    expect(screen.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    expect(scheme()).toBe('dark');
  });

  it('offers the three choices in the active language', () => {
    renderMenu();
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Follow system',
      'Light',
      'Dark',
    ]);
  });
});
