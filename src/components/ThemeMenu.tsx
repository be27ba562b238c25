import { useMantineColorScheme } from '@mantine/core';
import { useT } from '../i18n/react';
import { CompactSelect } from './CompactSelect';

const labels = { auto: 'theme.auto', light: 'theme.light', dark: 'theme.dark' } as const;
const isScheme = (value: string): value is keyof typeof labels => Object.hasOwn(labels, value);

const contrast = (
  <svg
    width="16"
    height="16"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    aria-hidden
  >
    <circle cx="12" cy="12" r="9" />
    <path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor" />
  </svg>
);

/** Light, dark, or follow the system (the default); the choice lasts for this tab (sessionStorage). */
export function ThemeMenu() {
  const t = useT();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <CompactSelect
      w={136}
      icon={contrast}
      aria-label={t('theme.label')}
      value={colorScheme}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isScheme(next)) setColorScheme(next);
      }}
    >
      {(['auto', 'light', 'dark'] as const).map((s) => (
        <option key={s} value={s}>
          {t(labels[s])}
        </option>
      ))}
    </CompactSelect>
  );
}
