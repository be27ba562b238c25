import { compileMessageOrThrow, type CompiledMessage } from '@lingui/message-utils/compileMessage';
import enApp from './locales/en/app.json';
import enBoot from './locales/en/boot.json';
import zhApp from './locales/zh-CN/app.json';
import zhBoot from './locales/zh-CN/boot.json';
import enApiLog from './locales/en/apilog.json';
import zhApiLog from './locales/zh-CN/apilog.json';
import enTraffic from './locales/en/traffic.json';
import zhTraffic from './locales/zh-CN/traffic.json';

const catalogues: Record<string, Record<string, Record<string, string>>> = {
  boot: { en: enBoot, 'zh-CN': zhBoot },
  app: { en: enApp, 'zh-CN': zhApp },
  apilog: { en: enApiLog, 'zh-CN': zhApiLog },
  traffic: { en: enTraffic, 'zh-CN': zhTraffic },
};

// The console's own code: every file of src/ but tests, test helpers and the catalogues themselves.
const sources = import.meta.glob(['/src/**/*.{ts,tsx}', '!/src/**/*.test.{ts,tsx}', '!/src/test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The argument names of a compiled ICU message, nested plurals and selects included. */
function argumentsOf(message: CompiledMessage, names = new Set<string>()): Set<string> {
  for (const token of message) {
    if (typeof token === 'string') continue;
    const [name, , format] = token;
    names.add(name);
    if (format && typeof format === 'object')
      for (const [choice, branch] of Object.entries(format))
        if (choice !== 'offset' && Array.isArray(branch)) argumentsOf(branch as CompiledMessage, names);
  }
  return names;
}

const keysOf = (part: string, locale: string) => Object.keys(catalogues[part]![locale]!).sort();

describe('the message catalogues', () => {
  it.each(Object.keys(catalogues))('%s: both locales hold the same keys', (part) => {
    const en = keysOf(part, 'en');
    const zh = keysOf(part, 'zh-CN');
    expect(
      {
        missingInChinese: en.filter((k) => !zh.includes(k)),
        missingInEnglish: zh.filter((k) => !en.includes(k)),
      },
      part,
    ).toEqual({ missingInChinese: [], missingInEnglish: [] });
  });

  it('a key lives in one part only', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const part of Object.keys(catalogues))
      for (const key of keysOf(part, 'en')) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)} and ${part}`);
        seen.set(key, part);
      }
    expect(twice).toEqual([]);
  });

  it('every message is valid ICU, takes the same arguments in both locales and is not left empty', () => {
    const problems: string[] = [];
    for (const [part, byLocale] of Object.entries(catalogues)) {
      for (const key of Object.keys(byLocale.en!)) {
        const args: Record<string, string[]> = {};
        for (const [locale, messages] of Object.entries(byLocale)) {
          const text = messages[key] ?? '';
          if (!text.trim()) problems.push(`${part} ${locale} ${key}: empty`);
          try {
            args[locale] = [...argumentsOf(compileMessageOrThrow(text))].sort();
          } catch (error) {
            problems.push(`${part} ${locale} ${key}: ${(error as Error).message.split('\n')[0]}`);
          }
        }
        if (args.en && args['zh-CN'] && args.en.join() !== args['zh-CN'].join())
          problems.push(
            `${part} ${key}: arguments ${args.en.join()} in English, ${args['zh-CN'].join()} in Chinese`,
          );
      }
    }
    expect(problems).toEqual([]);
  });

  it('every key is used in the source (as a string literal), so that none is left behind', () => {
    const code = Object.values(sources).join('\n');
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const unused = Object.keys(catalogues)
      .flatMap((part) => keysOf(part, 'en'))
      .filter((key) => !['"', "'", '`'].some((q) => code.includes(`${q}${key}${q}`)));
    expect(unused).toEqual([]);
  });

  it('finds the arguments of nested messages (the check above relies on it)', () => {
    const compiled = compileMessageOrThrow('{count, plural, one {# member of {group}} other {# members}}');
    expect([...argumentsOf(compiled)].sort()).toEqual(['count', 'group']);
  });
});
