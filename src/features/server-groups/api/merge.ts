import type { QueryResult } from '../../../api/query';
import type { PickerPage } from '../../../components/workbench/pickerSearch';
import { pickerPageSize } from './keys';

/** True when a query's answer holds every match (the total is known and no larger than the page). */
export const complete = (r: QueryResult<unknown>) => r.total !== undefined && r.total <= r.inventories.length;

/** Merges answers of several queries (ZStack has no OR): unique by uuid, by name, one page. */
export function mergePages<T extends { uuid: string }>(
  pages: readonly QueryResult<T>[],
  nameOf: (item: T) => string,
  /** Some matches were not even asked for (a truncated list of load balancers). */
  truncatedElsewhere = false,
): PickerPage<T> {
  const seen = new Map<string, T>();
  for (const page of pages)
    for (const item of page.inventories) if (!seen.has(item.uuid)) seen.set(item.uuid, item);
  const all = [...seen.values()].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const items = all.slice(0, pickerPageSize);
  if (!truncatedElsewhere && pages.every(complete)) return { items, total: all.length };
  // The union of truncated answers: at least as many as the largest one said.
  const atLeast = Math.max(all.length, ...pages.map((p) => p.total ?? p.inventories.length));
  return { items, total: atLeast, totalIsLowerBound: true };
}
