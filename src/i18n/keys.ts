import type enApp from './locales/en/app.json';
import type enBoot from './locales/en/boot.json';
import type zhApp from './locales/zh-CN/app.json';
import type zhBoot from './locales/zh-CN/boot.json';
import type enApiLog from './locales/en/apilog.json';
import type zhApiLog from './locales/zh-CN/apilog.json';
import type enTraffic from './locales/en/traffic.json';
import type zhTraffic from './locales/zh-CN/traffic.json';

/**
 * The catalogues' parts: `boot` loads with the first page (the login page and what it shows), `app` with
 * the shell after the login, `apilog` with the API log panel (src/features/api-log), `traffic` with the
 * server groups page (its listeners' algorithms, shares, health and drains). A key lives in exactly one
 * part (src/i18n/catalogues.test.ts).
 */
export type Part = 'boot' | 'app' | 'apilog' | 'traffic';

export type BootKey = keyof typeof enBoot;
export type AppKey = keyof typeof enApp;
export type ApiLogKey = keyof typeof enApiLog;
export type TrafficKey = keyof typeof enTraffic;
/** Every message of the console; `t('no.such.key')` fails type-check. */
export type MessageKey = BootKey | AppKey | ApiLogKey | TrafficKey;

/** Values of a message's ICU arguments: `{count, plural, ...}` takes a number, `{name}` a string. */
export type MessageValues = Record<string, string | number | Date>;

// Both locales hold the same keys: a key missing in the Chinese (or the English) file fails type-check
// here, naming the key.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : { onlyInEnglish: Exclude<keyof A, keyof B>; onlyInChinese: Exclude<keyof B, keyof A> };
type Expect<T extends true> = T;
export type _CataloguesMatch = [
  Expect<SameKeys<typeof enBoot, typeof zhBoot>>,
  Expect<SameKeys<typeof enApp, typeof zhApp>>,
  Expect<SameKeys<typeof enApiLog, typeof zhApiLog>>,
  Expect<SameKeys<typeof enTraffic, typeof zhTraffic>>,
];
