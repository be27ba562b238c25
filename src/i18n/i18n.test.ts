import type { Messages } from '@lingui/core';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { createI18n } from './i18n';
import type { MessageKey, Part } from './keys';
import type { Locale } from './locale';

// Catalogues in the form @lingui/vite-plugin compiles them to; keys beyond the real ones are fixtures.
const fixtures: Record<Locale, Record<Part, Record<string, string>>> = {
  en: {
    boot: { 'app.name': 'ZStack console', 'app.pageTitle': '{page} – ZStack console' },
    app: { 'x.page': 'Server groups', 'x.members': '{count, plural, one {# member} other {# members}}' },
    apilog: {},
    traffic: { 'x.drain': 'Drain selected' },
  },
  'zh-CN': {
    boot: { 'app.name': 'ZStack 控制台', 'app.pageTitle': '{page} - ZStack 控制台' },
    app: { 'x.page': '服务器组', 'x.members': '{count, plural, other {# 个成员}}' },
    apilog: {},
    traffic: { 'x.drain': '排空所选' },
  },
};
const page = 'x.page' as MessageKey;
const members = 'x.members' as MessageKey;

function setup(override?: (locale: Locale, part: Part) => Promise<Messages> | undefined) {
  const calls: string[] = [];
  const load = async (locale: Locale, part: Part): Promise<Messages> => {
    calls.push(`${locale}/${part}`);
    const special = override?.(locale, part);
    if (special) return special;
    return Object.fromEntries(Object.entries(fixtures[locale][part]).map(([k, v]) => [k, compileMessage(v)]));
  };
  return { calls, ...createI18n(load) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the console’s i18n instance', () => {
  it('loads only the catalogue of the language it activates, and sets <html lang> and the title', async () => {
    const { calls, activate, translate } = setup();
    await activate('zh-CN');
    expect(calls).toEqual(['zh-CN/boot']);
    expect(translate('app.name')).toBe('ZStack 控制台');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('ZStack 控制台');
  });

  it('loads a part in the active language only, and a switch loads every part in use before it shows', async () => {
    const { calls, i18n, activate, requirePart, switchLocale, translate } = setup();
    await activate('en');
    await requirePart('app');
    expect(calls).toEqual(['en/boot', 'en/app']);

    const seen: string[] = [];
    i18n.on('change', () => seen.push(`${i18n.locale}: ${translate(page)}, ${translate('app.name')}`));
    await switchLocale('zh-CN');
    expect(calls).toEqual(['en/boot', 'en/app', 'zh-CN/boot', 'zh-CN/app']);
    // every change event in Chinese already has every word in Chinese: nothing shows half-switched
    expect(seen.filter((s) => s.startsWith('zh-CN'))).toEqual(['zh-CN: 服务器组, ZStack 控制台']);
    expect(localStorage.getItem('zstack-console.language')).toBe('zh-CN');
  });

  it('a switch made while the shell’s part is still loading ends with that part in the new language', async () => {
    const enApp = deferred<Messages>();
    const { activate, requirePart, switchLocale, translate, i18n } = setup((locale, part) =>
      locale === 'en' && part === 'app' ? enApp.promise : undefined,
    );
    await activate('en');
    const shell = requirePart('app');
    const switched = switchLocale('zh-CN');
    enApp.resolve({ [page]: compileMessage('Server groups') });
    await Promise.all([shell, switched]);
    expect(i18n.locale).toBe('zh-CN');
    expect(translate(page)).toBe('服务器组');
  });

  it('a language that fails to load keeps the current one, stores nothing, and can be tried again', async () => {
    let fail = true;
    const { activate, switchLocale, translate, i18n } = setup((locale) =>
      locale === 'zh-CN' && fail ? Promise.reject(new Error('chunk failed')) : undefined,
    );
    await activate('en');
    await expect(switchLocale('zh-CN')).rejects.toThrow('chunk failed');
    expect(i18n.locale).toBe('en');
    expect(translate('app.name')).toBe('ZStack console');
    expect(localStorage.length).toBe(0);
    fail = false;
    await switchLocale('zh-CN');
    expect(translate('app.name')).toBe('ZStack 控制台');
  });

  it('plurals: "1 member" / "2 members" in English, one form in Chinese', async () => {
    const { activate, requirePart, translate } = setup();
    await activate('en');
    await requirePart('app');
    expect([0, 1, 2].map((count) => translate(members, { count }))).toEqual([
      '0 members',
      '1 member',
      '2 members',
    ]);
    await activate('zh-CN');
    expect([1, 2].map((count) => translate(members, { count }))).toEqual(['1 个成员', '2 个成员']);
  });

  it('the document title names the page in the active language, and the console alone once it closes', async () => {
    const { activate, requirePart, pushPageTitle } = setup();
    await activate('en');
    await requirePart('app');
    const close = pushPageTitle({ key: page });
    expect(document.title).toBe('Server groups – ZStack console');
    await activate('zh-CN');
    expect(document.title).toBe('服务器组 - ZStack 控制台');
    close();
    expect(document.title).toBe('ZStack 控制台');
  });
});
