/**
 * The node's locale. ZStack reads it once at start from the `locale` global property (CoreGlobalProperty.LOCALE,
 * default zh_CN; Platform.initMessageSource) and answers every request in it: no request header changes it.
 */
export type SimLocale = 'zh_CN' | 'en_US';

export const LOCALES: readonly SimLocale[] = ['zh_CN', 'en_US'];
export const DEFAULT_LOCALE: SimLocale = 'zh_CN';

/** "zh_CN", "zh-CN", "en_us", ... → the locale; anything else → undefined. */
export function parseLocale(value: string | undefined): SimLocale | undefined {
  const v = value?.trim().replace('-', '_').toLowerCase();
  return LOCALES.find((l) => l.toLowerCase() === v);
}
