import { useMemo } from 'react';
import type { Locale } from './locale';
import { useLocale } from './react';

export interface Formatters {
  /** 1234.5 -> "1,234.5" */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** 0.25 -> "25%" */
  percent(value: number, options?: Intl.NumberFormatOptions): string;
  /** A date and time of the console's own (ZStack's dates are shown as the node sends them). */
  dateTime(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
  /** ["a", "b", "c"] -> "a, b, and c" / "a、b和c" */
  list(items: readonly string[], options?: Intl.ListFormatOptions): string;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
  kind: string,
  locale: Locale,
  options: object | undefined,
  make: () => F,
): F {
  const key = `${kind} ${locale} ${JSON.stringify(options ?? {})}`;
  let format = cache.get(key) as F | undefined;
  if (!format) cache.set(key, (format = make()));
  return format;
}

/** Number, percent, date and list formatting (Intl) in the active locale. */
export function useFormat(): Formatters {
  const locale = useLocale();
  return useMemo(
    () => ({
      number: (value, options) =>
        cached('n', locale, options, () => new Intl.NumberFormat(locale, options)).format(value),
      percent: (value, options) => {
        const o = { style: 'percent', maximumFractionDigits: 1, ...options } as const;
        return cached('n', locale, o, () => new Intl.NumberFormat(locale, o)).format(value);
      },
      dateTime: (value, options) => {
        const o = options ?? ({ dateStyle: 'medium', timeStyle: 'short' } as const);
        return cached('d', locale, o, () => new Intl.DateTimeFormat(locale, o)).format(value);
      },
      list: (items, options) =>
        cached('l', locale, options, () => new Intl.ListFormat(locale, options)).format(items),
    }),
    [locale],
  );
}
