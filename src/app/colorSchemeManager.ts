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
