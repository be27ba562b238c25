import type { Page } from '@playwright/test';
import type { Locale } from './i18n';

/** One piece of text a user meets: on screen, or read out by a screen reader, or in the tab's title. */
export interface PageText {
  text: string;
  /** `text`, or the attribute it came from (`aria-label`, `title`, ...), or `document.title`. */
  source: string;
  /** The element it belongs to, as `tag#id.class` (for the report). */
  where: string;
}

export interface CollectOptions {
  /** Elements whose text is ZStack's own words or data (error descriptions, names): not the console's. */
  exclude?: string[];
}

/**
 * Every text of the page that the console could have written: rendered text nodes (visually hidden
 * text for screen readers included, not what is `display: none`, `visibility: hidden` or `hidden`),
 * the labelling and describing attributes, the texts that aria-labelledby/-describedby point to, and
 * the document title. Values typed into fields are the user's, not collected.
 *
 * Self-contained: it runs in the page through `page.evaluate(collectPageTexts, options)`.
 */
export function collectPageTexts(options: CollectOptions = {}): PageText[] {
  const exclude = (options.exclude ?? []).join(',');
  const out: PageText[] = [];
  const describe = (el: Element) =>
    el.tagName.toLowerCase() +
    (el.id ? `#${el.id}` : '') +
    (typeof el.className === 'string' && el.className.trim()
      ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}`
      : '');
  // display: none anywhere above hides; visibility is inherited, so the element's own says it
  const rendered = (el: Element): boolean => {
    if (getComputedStyle(el).visibility === 'hidden') return false;
    for (let e: Element | null = el; e; e = e.parentElement)
      if (e.hasAttribute('hidden') || getComputedStyle(e).display === 'none') return false;
    return true;
  };
  const excluded = (el: Element) => (exclude ? el.closest(exclude) !== null : false);
  const push = (text: string | null | undefined, source: string, el: Element) => {
    const clean = (text ?? '').replace(/\s+/g, ' ').trim();
    if (clean) out.push({ text: clean, source, where: describe(el) });
  };

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA)$/.test(parent.tagName)) continue;
    if (excluded(parent) || !rendered(parent)) continue;
    push(node.textContent, 'text', parent);
  }

  const attributes = [
    'aria-label',
    'title',
    'alt',
    'placeholder',
    'aria-placeholder',
    'aria-roledescription',
    'aria-valuetext',
  ];
  for (const el of document.body.querySelectorAll('*')) {
    if (excluded(el) || !rendered(el)) continue;
    for (const name of attributes) if (el.hasAttribute(name)) push(el.getAttribute(name), name, el);
    if (el instanceof HTMLInputElement && /^(button|submit|reset)$/.test(el.type))
      push(el.value, 'value', el);
    for (const name of ['aria-labelledby', 'aria-describedby']) {
      for (const id of (el.getAttribute(name) ?? '').split(/\s+/).filter(Boolean)) {
        const target = document.getElementById(id);
        // hidden targets still name or describe the element
        if (target && !excluded(target) && !rendered(target)) push(target.textContent, name, el);
      }
    }
  }
  push(document.title, 'document.title', document.documentElement);
  return out;
}

/**
 * Words of the wrong language in `texts`: for a Chinese page, English words (ASCII letters, two or
 * more; a token with digits or `.-_/:@` in it is a name, an address or a code, not a word); for an
 * English page, runs of Chinese characters. `allow` lists what may stay as it is (ZStack, IP, ...).
 */
export function wrongLanguage(
  texts: PageText[],
  locale: Locale,
  allow: Iterable<string> = defaultAllowed[locale],
): (PageText & { word: string })[] {
  const allowed = new Set(allow);
  const found: (PageText & { word: string })[] = [];
  for (const item of texts) {
    const words =
      locale === 'zh-CN'
        ? item.text
            .split(/[\s,;!?()[\]{}"“”‘’«»<>|·…、，。：；！？（）【】《》]+/)
            .filter((token) => !/[0-9._/:@\\-]/.test(token))
            .flatMap((token) => token.match(/[A-Za-z]+/g) ?? [])
            .filter((word) => word.length > 1)
        : (item.text.match(/[\u3400-\u9fff\uf900-\ufaff]+/g) ?? []);
    for (const word of words) if (!allowed.has(word)) found.push({ ...item, word });
  }
  return found;
}

/**
 * Words that stay as they are in either language: names (ZStack, ZWatch), protocols and acronyms Chinese
 * writes in Latin (ZStack's own zh_CN texts say API, IP, UUID), key names (Alt+Shift+L), and each
 * language's own name.
 */
export const defaultAllowed: Record<Locale, string[]> = {
  'zh-CN': [
    'ZStack',
    'ZWatch',
    'English',
    'API',
    'CSV',
    'Alt',
    'Shift',
    'IP',
    'VIP',
    'UUID',
    'ID',
    'NIC',
    'VM',
    'HTTP',
    'HTTPS',
    'TCP',
    'UDP',
    'CIDR',
  ],
  en: ['简体中文'],
};

/** The page's words in the wrong language (see wrongLanguage), collected in the browser. */
export async function untranslatedOn(
  page: Page,
  locale: Locale,
  { exclude, allow }: CollectOptions & { allow?: Iterable<string> } = {},
): Promise<(PageText & { word: string })[]> {
  const texts = await page.evaluate(collectPageTexts, { exclude });
  return wrongLanguage(texts, locale, allow ?? defaultAllowed[locale]);
}
