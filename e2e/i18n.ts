import { readFileSync } from 'node:fs';
import { setupI18n, type I18n } from '@lingui/core';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import type { MessageKey, MessageValues, Part } from '../src/i18n/keys';

/**
 * The console's own message catalogues (src/i18n/locales), for suites that find controls by their
 * accessible names in either language: `getByRole('button', { name: t('login.submit') })`, or
 * `const n = names('zh-CN')` and `n('login.submit')`. Same messages, same ICU formatting (Lingui) as the
 * console, so a test never repeats a sentence and never breaks on a rewording.
 */
export type Locale = 'en' | 'zh-CN';

/** The browser language (`test.use({ locale })`) under which a first visit opens the console in each. */
export const browserLocale: Record<Locale, string> = { en: 'en-US', 'zh-CN': 'zh-CN' };

const parts: Part[] = ['boot', 'app', 'apilog', 'traffic'];
const instances = new Map<Locale, I18n>();

function instance(locale: Locale): I18n {
  let i18n = instances.get(locale);
  if (!i18n) {
    const messages: Record<string, string> = {};
    for (const part of parts) {
      const file = new URL(`../src/i18n/locales/${locale}/${part}.json`, import.meta.url);
      Object.assign(messages, JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
    }
    i18n = setupI18n({ locale, messages: { [locale]: messages } });
    i18n.setMessagesCompiler(compileMessage);
    instances.set(locale, i18n);
  }
  return i18n;
}

/** A message as the console shows it in `locale` (English by default). */
export function t(key: MessageKey, values?: MessageValues, locale: Locale = 'en'): string {
  const i18n = instance(locale);
  if (!(key in i18n.messages)) throw new Error(`no message "${key}" in ${locale}`);
  return i18n._(key, values);
}

/** `t` for one locale: the names a suite running in that language looks for. */
export function names(locale: Locale): (key: MessageKey, values?: MessageValues) => string {
  return (key, values) => t(key, values, locale);
}

/** `s` as a RegExp source that matches it literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A message as a RegExp, for a partial match: `values` given are fixed, every other argument matches any
 * text. `like('errors.title.permission')` matches "You do not have permission to add backend servers";
 * `like('backends.remove', {}, 'en', '^')` anchors it at the start. Only for messages whose free
 * arguments are plain `{name}` (a plural needs its count given).
 */
export function like(
  key: MessageKey,
  values: MessageValues = {},
  locale: Locale = 'en',
  anchor: '' | '^' | '^$' = '',
): RegExp {
  const i18n = instance(locale);
  if (!(key in i18n.messages)) throw new Error(`no message "${key}" in ${locale}`);
  const free = '\u0001';
  const args = new Proxy(values as Record<string, unknown>, {
    get: (target, prop) => (typeof prop === 'string' && !(prop in target) ? free : target[prop as string]),
    has: () => true,
  });
  const source = i18n
    ._(key, args as MessageValues)
    .split(free)
    .map(escapeRegExp)
    .join('[\\s\\S]*?');
  return new RegExp(`${anchor.startsWith('^') ? '^' : ''}${source}${anchor.endsWith('$') ? '$' : ''}`);
}
