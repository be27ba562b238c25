import { useCallback, useSyncExternalStore } from 'react';
import * as z from 'zod/mini';
import { onClearCachedData } from '../../../session/cachedData';
import type { DrainRecord } from './drain';

/**
 * The drains the console started, per server group: the weights to restore. ZStack keeps no record of a
 * weight before it became 0, so the console does, in sessionStorage (a reload keeps it; closing the tab
 * or logging out forgets it). Remember records once ChangeLoadBalancerBackendServer has succeeded, and
 * `reconcile` when the group is read again: a drain whose backend has a weight again, or is gone, ends.
 */
const storageKey = 'zstack-console.drains';

const recordSchema = z.object({
  key: z.string(),
  ref: z.union([
    z.object({ kind: z.literal('nic'), uuid: z.string() }),
    z.object({ kind: z.literal('ip'), ipAddress: z.string() }),
  ]),
  label: z.string(),
  ip: z.optional(z.string()),
  previousWeight: z.nullable(z.number()),
  since: z.number(),
});
const storedSchema = z.record(z.string(), z.array(recordSchema));

type Stored = Record<string, DrainRecord[]>;
const empty: readonly DrainRecord[] = [];
const listeners = new Set<() => void>();
let cache: Stored | undefined;

function load(): Stored {
  if (cache) return cache;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(sessionStorage.getItem(storageKey) ?? '{}'));
    cache = parsed.success ? parsed.data : {};
  } catch {
    cache = {};
  }
  return cache;
}

function save(next: Stored): void {
  cache = next;
  try {
    if (Object.keys(next).length) sessionStorage.setItem(storageKey, JSON.stringify(next));
    else sessionStorage.removeItem(storageKey);
  } catch {
    // storage full or disabled: the records stay in memory for this page
  }
  for (const l of listeners) l();
}

function put(groupUuid: string, records: DrainRecord[]): void {
  const next = { ...load() };
  if (records.length) next[groupUuid] = records;
  else delete next[groupUuid];
  save(next);
}

export const drainStore = {
  /** The group's drains (the same array until they change). */
  records(groupUuid: string): readonly DrainRecord[] {
    return load()[groupUuid] ?? empty;
  },
  /** Adds or replaces drains by key. */
  remember(groupUuid: string, records: readonly DrainRecord[]): void {
    if (!records.length) return;
    const byKey = new Map(drainStore.records(groupUuid).map((r) => [r.key, r]));
    for (const r of records) byKey.set(r.key, r);
    put(groupUuid, [...byKey.values()]);
  },
  forget(groupUuid: string, keys: Iterable<string>): void {
    const gone = new Set(keys);
    const kept = drainStore.records(groupUuid).filter((r) => !gone.has(r.key));
    if (kept.length !== drainStore.records(groupUuid).length) put(groupUuid, kept);
  },
  /** Ends the drains whose backend is gone (`weights` lacks its key) or has a weight other than 0. */
  reconcile(groupUuid: string, weights: ReadonlyMap<string, number>): void {
    const over = drainStore.records(groupUuid).filter((r) => weights.get(r.key) !== 0);
    if (over.length)
      drainStore.forget(
        groupUuid,
        over.map((r) => r.key),
      );
  },
  clear(): void {
    save({});
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** For tests: read sessionStorage again, as a new page would. */
  reload(): void {
    cache = undefined;
  },
};

onClearCachedData(() => drainStore.clear());

/** The group's drains, re-rendering when they change. */
export function useDrainRecords(groupUuid: string): readonly DrainRecord[] {
  const read = useCallback(() => drainStore.records(groupUuid), [groupUuid]);
  return useSyncExternalStore(drainStore.subscribe, read, read);
}
