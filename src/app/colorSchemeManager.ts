import { isMantineColorScheme, type MantineColorSchemeManager } from '@mantine/core';

export const colorSchemeStorageKey = 'zstack-console.color-scheme';

/**
 * The theme menu's choice (light, dark, or `auto`: follow the system) for this tab, in sessionStorage:
 * localStorage holds the language and nothing else. A new tab starts by following the system. Nothing
 * to subscribe to: no other tab shares a tab's sessionStorage.
 */
export function sessionColorSchemeManager(key = colorSchemeStorageKey): MantineColorSchemeManager {
  const storage = (run: (s: Storage) => void) => {
    try {
      run(sessionStorage);
    } catch {
      // storage disabled: the choice holds until the page reloads
    }
  };
  return {
    get: (fallback) => {
      let value: string | null = null;
      storage((s) => (value = s.getItem(key)));
      return isMantineColorScheme(value) ? value : fallback;
    },
    set: (value) => storage((s) => s.setItem(key, value)),
    subscribe: () => undefined,
    unsubscribe: () => undefined,
    clear: () => storage((s) => s.removeItem(key)),
  };
}

/**
 * Sets the scheme Mantine will apply (the choice, or the system's for `auto`) before the first render,
 * as Mantine's ColorSchemeScript would inline (the CSP allows no inline script): a dark page is dark
 * from its first paint, without a flash of light or a transition.
 */
export function applyColorSchemeEarly(manager: MantineColorSchemeManager): void {
  const chosen = manager.get('auto');
  const dark = chosen === 'dark' || (chosen === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.setAttribute('data-mantine-color-scheme', dark ? 'dark' : 'light');
}
