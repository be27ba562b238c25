import { useMemo, useSyncExternalStore } from 'react';
import { filterEntries, type LogFilter } from './filters';
import { apiLog, type ApiLogStore } from './store';
import type { ApiLogEntry } from './types';

/** The log's entries, newest first, filtered; re-renders on every change of the log. */
export function useApiLog(filter: LogFilter = {}, store: ApiLogStore = apiLog): readonly ApiLogEntry[] {
  const entries = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const { writesOnly, failuresOnly, text } = filter;
  return useMemo(
    () => filterEntries(entries, { writesOnly, failuresOnly, text }),
    [entries, writesOnly, failuresOnly, text],
  );
}

/** One entry (for the panel's details, or an inline error's link to it). */
export function useApiLogEntry(id: number | undefined, store: ApiLogStore = apiLog): ApiLogEntry | undefined {
  const entries = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return useMemo(() => (id === undefined ? undefined : entries.find((e) => e.id === id)), [entries, id]);
}
