import { Group } from '@mantine/core';
import { LanguageMenu } from './LanguageMenu';
import { ThemeMenu } from './ThemeMenu';

/** The language and theme menus, side by side: in the app header and on the login page. */
export function PreferenceMenus() {
  return (
    <Group gap="xs" wrap="nowrap">
      <LanguageMenu />
      <ThemeMenu />
    </Group>
  );
}
