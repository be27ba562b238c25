import type { ApiLogEntry } from './types';

export interface LogFilter {
  /** Only calls that change the infrastructure (the console's writes). */
  writesOnly?: boolean;
  /** Only calls that failed, or whose job is not known to have ended (still running, not confirmed). */
  failuresOnly?: boolean;
  /** Text anywhere in the entry: API name, method, path, query, status, job id, error, bodies. */
  text?: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function haystack(e: ApiLogEntry): string {
  const error = e.error ? [e.error.code, e.error.description, e.error.details, e.error.elaboration] : [];
  return [e.apiName, e.method, e.path, e.query, e.status, e.job?.uuid, ...error].filter(Boolean).join('\n');
}

/** The entries that pass the filter, newest first as the log holds them. Case-insensitive text. */
export function filterEntries(entries: readonly ApiLogEntry[], filter: LogFilter): readonly ApiLogEntry[] {
  const text = filter.text?.trim();
  const pattern = text ? new RegExp(escapeRegExp(text), 'i') : undefined;
  if (!filter.writesOnly && !filter.failuresOnly && !pattern) return entries;
  return entries.filter(
    (e) =>
      (!filter.writesOnly || e.write) &&
      (!filter.failuresOnly || e.outcome === 'failed' || e.outcome === 'unknown') &&
      (!pattern ||
        pattern.test(haystack(e)) ||
        pattern.test(e.request?.text ?? '') ||
        pattern.test(e.response?.text ?? '')),
  );
}
