import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { i18n, pushPageTitle } from './i18n';
import type { MessageKey, MessageValues } from './keys';
import { isLocale, type Locale } from './locale';

export type Translate = (key: MessageKey, values?: MessageValues) => string;

interface Active {
  locale: string;
  messages: unknown;
  /** A new function after every switch or catalogue load, so that memoised texts are made again. */
  t: Translate;
}

let cached: Active | undefined;
// The same object until the locale or its messages change (a switch, or a part of the catalogue loaded:
// Lingui then holds a new messages object).
function getActive(): Active {
  if (!cached || cached.locale !== i18n.locale || cached.messages !== i18n.messages)
    cached = { locale: i18n.locale, messages: i18n.messages, t: (key, values) => i18n._(key, values) };
  return cached;
}
const subscribe = (onChange: () => void) => i18n.on('change', onChange);

const ActiveContext = createContext<Active | null>(null);

/**
 * Renders its children in the active locale once a locale is active; a switch (or a part of the
 * catalogue loaded) re-renders, never remounts. Lingui's own provider does the same, but it brings
 * @lingui/react onto the first page; Msg.tsx wraps Lingui's Trans in it where elements are needed.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const active = useSyncExternalStore(subscribe, getActive);
  if (!active.locale) return null;
  return <ActiveContext.Provider value={active}>{children}</ActiveContext.Provider>;
}

function useActive(): Active {
  const active = useContext(ActiveContext);
  if (!active) throw new Error('useT() and useLocale() need <I18nProvider> above them');
  return active;
}

/** `t(key, values)` in the active locale; the component re-renders when the language changes. */
export function useT(): Translate {
  return useActive().t;
}

export function useLocale(): Locale {
  const { locale } = useActive();
  return isLocale(locale) ? locale : 'en';
}

/** The document title while the calling component is mounted: "<page> – ZStack console", per locale. */
export function usePageTitle(key: MessageKey, values?: Record<string, string | number>): void {
  const serialized = JSON.stringify(values ?? {});
  useEffect(
    () => pushPageTitle({ key, values: JSON.parse(serialized) as Record<string, string | number> }),
    [key, serialized],
  );
}

/**
 * A message as an element, for a place that takes a node and outlives the render that made it (a
 * notification): it follows a language switch while it is shown. Plain text only; for elements inside
 * a message see Msg.tsx (it brings Lingui's Trans, kept off the first page).
 */
export function Say({ id, values }: { id: MessageKey; values?: MessageValues }) {
  return <>{useT()(id, values)}</>;
}
