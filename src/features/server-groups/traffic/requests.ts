import type * as z from 'zod/mini';
import { q, runQuery } from '../../../api/query';

/**
 * Query keys of the traffic reads, and the splitting that keeps each of their request lines short
 * whatever the number of listeners or backends: nginx in front of ZStack refuses a request line over
 * 8 KB (414), so no list that grows with a group goes into one URL unbounded.
 */

/** Room for the one list that grows (listener uuids, IP addresses), leaving the rest of the line 2 KB. */
export const listBudget = 6000;

/** Length of a value once URLSearchParams has encoded it into a query string. */
export const encodedLength = (value: string): number =>
  new URLSearchParams([['', value]]).toString().length - 1;

/**
 * Splits `values` into runs whose `separator`-joined, encoded length stays within `budget`. Linear; an
 * empty list gives no run; a single value longer than the budget gets a run of its own.
 */
export function splitJoined(values: readonly string[], separator: string, budget = listBudget): string[][] {
  const runs: string[][] = [];
  const sep = encodedLength(separator);
  let run: string[] = [];
  let length = 0;
  for (const value of values) {
    const own = encodedLength(value);
    if (run.length && length + sep + own > budget) {
      runs.push(run);
      run = [];
      length = 0;
    }
    length += (run.length ? sep : 0) + own;
    run.push(value);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Sorted and without repeats: a query key and a request that do not depend on the table's order. */
export const uniqueSorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/**
 * The inventories whose uuid is one of `uuids`, each limited to what it asks for: one query, more only
 * when the list would make the request line too long (about 170 uuids each).
 */
export async function queryByUuids<S extends z.ZodMiniType>(
  path: string,
  item: S,
  uuids: readonly string[],
  opts: { fields?: readonly string[]; signal?: AbortSignal } = {},
): Promise<z.output<S>[]> {
  const runs = splitJoined(uniqueSorted(uuids), ',', listBudget);
  const pages = await Promise.all(
    runs.map((run) =>
      runQuery(
        path,
        item,
        { q: [q.in('uuid', run)], limit: run.length, fields: opts.fields },
        { signal: opts.signal },
      ),
    ),
  );
  return pages.flatMap((p) => p.inventories);
}

export const trafficKeys = {
  all: ['traffic'] as const,
  /** Algorithm and health check of these listeners (their system tags). */
  listenerSettings: (listenerUuids: readonly string[]) =>
    [...trafficKeys.all, 'listener-settings', uniqueSorted(listenerUuids).join(',')] as const,
  /** The weights of the other server groups on the group's listeners. */
  peers: (groupUuids: readonly string[]) =>
    [...trafficKeys.all, 'peers', uniqueSorted(groupUuids).join(',')] as const,
  /** One ZWatch metric for some backends (one table page, or the draining ones). */
  metric: (
    metric: string,
    loadBalancerUuid: string,
    listenerUuids: readonly string[],
    ips: readonly string[],
  ) =>
    [
      ...trafficKeys.all,
      'metric',
      metric,
      loadBalancerUuid,
      uniqueSorted(listenerUuids).join(','),
      uniqueSorted(ips).join(','),
    ] as const,
  /** Set once a node answered that it has no ZWatch; cleared with the cache when the session ends. */
  zwatchAbsent: () => [...trafficKeys.all, 'zwatch-absent'] as const,
  vmStates: (vmUuids: readonly string[]) =>
    [...trafficKeys.all, 'vm-states', uniqueSorted(vmUuids).join(',')] as const,
};
