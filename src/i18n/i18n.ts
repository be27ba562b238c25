import { setupI18n, type I18n, type Messages } from '@lingui/core';
import { loadCatalogue } from './catalogues';
import type { MessageKey, MessageValues, Part } from './keys';
import { isLocale, storeLocale, type Locale } from './locale';

export interface PageTitle {
  key: MessageKey;
  values?: MessageValues;
}

/**
 * A Lingui instance and the console's rules around it: which parts of the catalogue are in use, loading
 * only the active locale's, switching in one step, <html lang> and the document title. One instance
 * serves the console (below); tests make their own with fake catalogues.
 */
export function createI18n(load: (locale: Locale, part: Part) => Promise<Messages>) {
  const i18n: I18n = setupI18n();
  /** `boot` from the start, `app` once the shell loads (requirePart). */
  const parts = new Set<Part>(['boot']);
  const loaded = new Map<Locale, Set<Part>>();
  const titles: PageTitle[] = [];

  // Loads and switches run one after another, each on the state the previous one left: a language
  // switched while the shell's part is still loading ends with every part of the new language.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const loadParts = async (locale: Locale, wanted: Iterable<Part>): Promise<void> => {
    const have = loaded.get(locale) ?? new Set<Part>();
    const missing = [...wanted].filter((part) => !have.has(part));
    if (!missing.length) return;
    const catalogues = await Promise.all(missing.map((part) => load(locale, part)));
    i18n.load(locale, Object.assign({}, ...catalogues) as Messages);
    loaded.set(locale, new Set([...have, ...missing]));
  };

  const translate = (key: MessageKey, values?: MessageValues): string => i18n._(key, values);

  const applyTitle = (): void => {
    const page = titles.at(-1);
    document.title = page
      ? translate('app.pageTitle', { page: translate(page.key, page.values) })
      : translate('app.name');
  };

  // <html lang> (screen readers pronounce, and browsers pick fonts, by it) and the title follow the
  // active locale.
  i18n.on('change', () => {
    if (!i18n.locale) return;
    document.documentElement.lang = i18n.locale;
    applyTitle();
  });

  /**
   * Loads every part in use in `locale`, then switches to it in one step: everything on screen
   * re-renders in the new language at once, nothing remounts (form state stays).
   */
  const activate = (locale: Locale): Promise<void> =>
    serial(async () => {
      await loadParts(locale, parts);
      if (i18n.locale !== locale) i18n.activate(locale);
    });

  return {
    i18n,
    activate,
    /** Outside React: the message in the active locale at this moment. */
    translate,
    /** The language menu's switch: activate, then remember the choice (once it loaded). */
    async switchLocale(locale: Locale): Promise<void> {
      await activate(locale);
      storeLocale(locale);
    },
    /** Makes a part of the catalogue available now and in every language activated later. */
    requirePart(part: Part): Promise<void> {
      parts.add(part);
      return serial(async () => {
        if (isLocale(i18n.locale)) await loadParts(i18n.locale, [part]);
      });
    },
    /** Shows `title` in the document title ("<page> – ZStack console") until the returned function runs. */
    pushPageTitle(title: PageTitle): () => void {
      const entry = { ...title };
      titles.push(entry);
      if (i18n.locale) applyTitle();
      return () => {
        titles.splice(titles.indexOf(entry), 1);
        if (i18n.locale) applyTitle();
      };
    },
  };
}

export const { i18n, activate, translate, switchLocale, requirePart, pushPageTitle } =
  createI18n(loadCatalogue);
