/** The console's languages: English (the source) and Simplified Chinese, ZStack's own two locales. */
export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

/** Each language named in itself, so that a reader of either finds their own. */
export const localeNames: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** The one localStorage key of the console: the language chosen in the language menu, nothing else. */
export const localeStorageKey = 'zstack-console.language';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * The browser's preferred languages in order: the first English or Chinese one decides (any zh, zh-TW
 * included, means Simplified Chinese, the only Chinese the console has); none of them means English.
 */
export function detectLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    if (language === 'zh') return 'zh-CN';
    if (language === 'en') return 'en';
  }
  return 'en';
}

export function storedLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(localeStorageKey);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined; // storage disabled: follow the browser
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(localeStorageKey, locale);
  } catch {
    // storage disabled or full: the choice holds for this page only
  }
}

/** The language of this visit: the one chosen before, else the browser's. */
export function initialLocale(): Locale {
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return storedLocale() ?? detectLocale(languages);
}
