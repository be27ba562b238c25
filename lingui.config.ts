import { defineConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-json';

/**
 * The console's message catalogues (src/i18n/locales/<locale>/<part>.json, `{ "key": "ICU message" }`),
 * compiled to Lingui's runtime form by @lingui/vite-plugin when src/i18n/catalogues.ts imports them.
 * Keys are written by hand and typed from the English files (src/i18n/keys.ts): no extraction step.
 * `boot` holds what the login page shows (it loads with the first page), `app` everything behind it,
 * `traffic` what the server groups page says of traffic (it loads with that page).
 */
export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'zh-CN'],
  // A message missing in one locale fails the build (the Vite plugin's failOnMissing); never English
  // text in the Chinese console.
  fallbackLocales: false,
  catalogs: ['boot', 'app', 'apilog', 'traffic'].map((part) => ({
    path: `<rootDir>/src/i18n/locales/{locale}/${part}`,
    include: ['<rootDir>/src'],
  })),
  format: formatter({ style: 'minimal', indentation: 2 }),
});
