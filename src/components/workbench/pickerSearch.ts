import { useState, type ReactNode } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { Translate } from '../../i18n/react';

export interface PickerPage<T> {
  items: T[];
  /** All matches on the server, when known (to say "20 of 1234"). */
  total?: number;
  /** The total is only a lower bound (the page merges several searches, since ZStack has no OR). */
  totalIsLowerBound?: boolean;
}

/** What a picker shows of one item: text only (never HTML from the server), and a badge at most. */
export interface PickerItemText {
  primary: string;
  secondary?: string;
  /** A short state ("Disabled", "Staled") shown as a badge after the name. */
  badge?: string;
}

/** What both pickers (EntityPicker, SearchList) are told. */
export interface PickerProps<T> {
  /** The visible label, which is also the search field's accessible name. */
  label: string;
  description?: ReactNode;
  placeholder?: string;
  /** Prefix of the React Query key; the search text is appended. */
  queryKey: QueryKey;
  /** One page of matches for the search text, searched on the server. */
  search: (text: string, signal: AbortSignal) => Promise<PickerPage<T>>;
  itemKey: (item: T) => string;
  itemText: (item: T) => PickerItemText;
  disabled?: boolean;
  /** What the search is for, in the error's headline: "search virtual IDs". */
  searchAction: string;
  debounceMs?: number;
}

export interface PickerSearchOptions<T> {
  /** Prefix of the React Query key; the search text is appended. */
  queryKey: QueryKey;
  /** One page of matches for the search text, searched on the server. */
  search: (text: string, signal: AbortSignal) => Promise<PickerPage<T>>;
  enabled: boolean;
  /**
   * Milliseconds of typing pause before searching: short, since every search is one page on the server
   * and a superseded one is cancelled; it only gathers a paste or a burst of keys into one request.
   */
  debounceMs?: number;
}

/** The search of a picker: the text typed, and the page of matches ZStack answered for it. */
export function usePickerSearch<T>({ queryKey, search, enabled, debounceMs = 30 }: PickerSearchOptions<T>) {
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), debounceMs);
  const query = useQuery({
    queryKey: [...queryKey, debounced],
    queryFn: ({ signal }) => search(debounced, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = query.data?.items ?? [];
  return { text, setText, query, items };
}

/** The line under a picker's options: searching, nothing found, or "20 of 1234". */
export function pickerStatus(
  query: { isFetching: boolean; isError: boolean; data?: PickerPage<unknown> },
  emptyText: string,
  t: Translate,
): string | undefined {
  if (query.isError) return undefined;
  if (!query.data) return query.isFetching ? t('workbench.searching') : undefined;
  const { items, total, totalIsLowerBound } = query.data;
  if (items.length === 0) return emptyText;
  if (total !== undefined && total > items.length)
    return t(totalIsLowerBound ? 'workbench.showingAtLeast' : 'workbench.showing', {
      shown: items.length,
      total,
    });
  return undefined;
}
