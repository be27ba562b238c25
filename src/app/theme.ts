import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 for filled buttons and coloured text: Mantine's default (6) puts white on blue at 3.6:1 and
  // red text at 3.3:1, below WCAG AA’s 4.5:1 (axe in e2e/reliability-a11y.spec.ts). Blue 8 is 5.0:1 (red: see below).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  // Admins who ask their system for less motion get dialogs and notifications without transitions.
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

/**
 * The theme in the active language: Mantine's close buttons (dialogs, drawers, notifications) are an
 * icon without a name, so every one gets `closeLabel` (common.close) as its name.
 */
export const themeIn = (closeLabel: string) =>
  createTheme({ ...theme, components: { CloseButton: { defaultProps: { 'aria-label': closeLabel } } } });

/**
 * Colours that Mantine's defaults give too little contrast (WCAG AA, 4.5:1 for text), found by axe:
 * dimmed text (gray 6 on white: 3.3:1), error messages (red 6: 3.3:1), and the text of light badges and
 * alerts in yellow, orange, green and teal (shade 9 on shade 1: 1.7 to 3.8:1), and blue and red light
 * buttons when hovered (shade 9 on shade 2: 3.8 to 4:1). Each replacement is at least 5:1 on white and on
 * its light backgrounds.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    // behind the login card
    '--console-page-background': 'var(--mantine-color-gray-0)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // red 8 is 4.5:1 on white, and less while a button's hover colour fades in: red 9 (5.5:1) and darker
    '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
    '--mantine-color-red-filled-hover': '#a51d1d',
    // light buttons and active links keep 4.5:1 on their hover background (shade 2) too
    '--mantine-color-blue-light-color': '#0f4c81',
    '--mantine-color-red-light-color': '#9b1c1c',
    '--mantine-color-yellow-light-color': '#6b4b00',
    '--mantine-color-orange-light-color': '#8a3a00',
    '--mantine-color-green-light-color': '#1f6b32',
    '--mantine-color-teal-light-color': '#05664a',
  },
  // Dark: dimmed text (dark 2) is 4.0:1 on the body and error text (red 8) 3.4:1; this grey keeps
  // 4.9:1 and red 4 4.8:1 on dark 5, the lightest background they meet. Yellow alerts (#733c00) are
  // darkened so that dimmed text in them keeps 5:1.
  dark: {
    '--console-page-background': 'var(--mantine-color-dark-8)',
    '--mantine-color-dimmed': '#adadad',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-yellow-light': '#5c3000',
  },
});
