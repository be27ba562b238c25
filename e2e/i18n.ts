import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
const locales = join(dirname(fileURLToPath(import.meta.url)), '../src/i18n/locales');

function instance(locale: Locale): I18n {
  let i18n = instances.get(locale);
  if (!i18n) {
    const messages: Record<string, string> = {};
    for (const part of parts) {
      // a path, not `new URL(..., import.meta.url)`: Vite (Vitest) would take that for an asset
      const file = join(locales, locale, `${part}.json`);
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

type Pattern = string | number | RegExp;

/**
 * A message as a RegExp, for a partial match: an argument given is fixed (a RegExp value is a pattern
 * for it: `{ count: /\d+/ }`), every other matches any text. `like('errors.title.permission')` matches
 * "You do not have permission to add backend servers"; `anchor` '^' pins the start, '^$' the whole.
 * A message with a plural or select needs the arguments that choose its form.
 */
export function like(
  key: MessageKey,
  values: Record<string, Pattern> = {},
  locale: Locale = 'en',
  anchor: '' | '^' | '^$' = '',
): RegExp {
  const raw = instance(locale).messages[key] as unknown;
  if (typeof raw !== 'string') throw new Error(`no message "${key}" in ${locale}`);
  const pattern = (v: Pattern | undefined) =>
    v === undefined ? '[\\s\\S]*?' : v instanceof RegExp ? `(?:${v.source})` : escapeRegExp(String(v));
  // `{name}` or `{name, type, style}`: a given number in a `number` argument is formatted as the console does
  const argument = (part: string) => {
    const [name, type] = part
      .slice(1, -1)
      .split(',')
      .map((p) => p.trim());
    const v = values[name!];
    if (type === undefined || v === undefined || v instanceof RegExp) return pattern(v);
    if (type === 'number' && typeof v === 'number')
      return escapeRegExp(new Intl.NumberFormat(locale).format(v));
    throw new Error(`like("${key}"): give "${name}" (${type}) as a RegExp`);
  };
  let source: string;
  if (/^[^{}]*(\{\s*\w+\s*(,[^{}]*)?\}[^{}]*)*$/.test(raw)) {
    // only plain and typed arguments ({name}, {since, time, short}): each becomes its pattern
    source = raw
      .split(/(\{[^{}]*\})/)
      .map((part, i) => (i % 2 ? argument(part) : escapeRegExp(part.replace(/''/g, "'"))))
      .join('');
  } else {
    // a plural or select: formatted by Lingui, with a marker for each free or pattern argument
    const marks: string[] = [];
    const args = new Proxy(values as Record<string, unknown>, {
      get: (target, prop) => {
        if (typeof prop !== 'string') return undefined;
        const v = target[prop];
        if (v !== undefined && !(v instanceof RegExp)) return v;
        marks.push(pattern(v as RegExp | undefined));
        return `\uE000${marks.length - 1}\uE000`;
      },
      has: () => true,
    });
    source = instance(locale)
      ._(key, args as MessageValues)
      .split(/\uE000(\d+)\uE000/)
      .map((part, i) => (i % 2 ? marks[Number(part)]! : escapeRegExp(part)))
      .join('');
  }
  return new RegExp(`${anchor.startsWith('^') ? '^' : ''}${source}${anchor.endsWith('$') ? '$' : ''}`);
}
