import type { ReactNode } from 'react';
import { SegmentedControl, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useT } from '../i18n/react';

const icon = (path: string) => (
  <svg
    width="14"
    height="14"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    aria-hidden
  >
    <path d={path} />
  </svg>
);
const choices = [
  // a screen: follow the system
  { value: 'auto', key: 'theme.auto', icon: icon('M3 4h18v12H3zM8 20h8M12 16v4') },
  // the sun
  {
    value: 'light',
    key: 'theme.light',
    icon: icon(
      'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8M12 2v2M12 20v2M2 12h2M20 12h2M5 5l1.5 1.5M17.5 17.5 19 19M5 19l1.5-1.5M17.5 6.5 19 5',
    ),
  },
  // the moon
  { value: 'dark', key: 'theme.dark', icon: icon('M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z') },
] as const satisfies readonly { value: MantineColorScheme; key: string; icon: ReactNode }[];

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
} as const;

/** Follow the system (the default), light or dark; the choice lasts for this tab (sessionStorage). */
export function ThemeMenu() {
  const t = useT();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('theme.label')}
      value={colorScheme}
      onChange={(next) => {
        const choice = choices.find((c) => c.value === next);
        if (choice) setColorScheme(choice.value);
      }}
      data={choices.map((c) => ({
        value: c.value,
        label: (
          <span title={t(c.key)} style={{ display: 'flex', padding: '2px 0' }}>
            {c.icon}
            <span style={visuallyHidden}>{t(c.key)}</span>
          </span>
        ),
      }))}
    />
  );
}
