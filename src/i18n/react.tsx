import { useEffect, type ReactNode } from 'react';
import { I18nProvider as LinguiProvider, useLingui } from '@lingui/react';
import { i18n, pushPageTitle } from './i18n';
import type { MessageKey, MessageValues } from './keys';
import { isLocale, type Locale } from './locale';

/** Renders its children in the active locale once a locale is active; a switch re-renders, never remounts. */
export function I18nProvider({ children }: { children: ReactNode }) {
  return <LinguiProvider i18n={i18n}>{children}</LinguiProvider>;
}

export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** `t(key, values)` in the active locale; the component re-renders when the language changes. */
export function useT(): Translate {
  return useLingui()._;
}

export function useLocale(): Locale {
  const { i18n: active } = useLingui();
  return isLocale(active.locale) ? active.locale : 'en';
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
