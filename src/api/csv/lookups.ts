import type * as z from 'zod/mini';
import { chunkByLength, encodedLength, maxRequestLine, requestLineLength } from '../batch';
import { zstack } from '../client';
import { q, queryParams, runQuery, type Condition, type QueryResult, type ZQuery } from '../query';
import {
  l3NetworkSchema,
  parseInventories,
  vmInstanceSchema,
  vmNicSchema,
  virtualIdSchema,
  type L3Network,
  type VirtualId,
  type VmInstance,
  type VmNic,
} from '../schemas';

/** runQuery's shape, so that tests can run the same queries against the simulator. */
export type RunQuery = <S extends z.ZodMiniType>(
  path: string,
  item: S,
  query: ZQuery,
) => Promise<{ inventories: z.output<S>[]; total?: number }>;

/** A plain GET API's answer (GetIAM2VirtualIDInGroup). */
export type GetJson = (path: string, params: Record<string, string | number | boolean>) => Promise<unknown>;

/** The reads CSV import and export make, as functions of a query (testable without the UI). */
export interface Lookups {
  nics(query: ZQuery): Promise<QueryResult<VmNic>>;
  vms(query: ZQuery): Promise<QueryResult<VmInstance>>;
  l3Networks(query: ZQuery): Promise<QueryResult<L3Network>>;
  virtualIds(query: ZQuery): Promise<QueryResult<VirtualId>>;
  /** A page of a group's members, by name. */
  groupMembers(groupUuid: string, start: number, limit: number): Promise<QueryResult<VirtualId>>;
}

export const paths = {
  nics: '/vm-instances/nics',
  vms: '/vm-instances',
  l3Networks: '/l3-networks',
  virtualIds: '/iam2/virtual-ids',
  groupMembers: '/iam2/IAM2VirtualIDGroup/IAM2VirtualID',
} as const;

export function lookupsOf(run: RunQuery, get: GetJson): Lookups {
  return {
    nics: (query) => run(paths.nics, vmNicSchema, query),
    vms: (query) => run(paths.vms, vmInstanceSchema, query),
    l3Networks: (query) => run(paths.l3Networks, l3NetworkSchema, query),
    virtualIds: (query) => run(paths.virtualIds, virtualIdSchema, query),
    groupMembers: async (groupUuid, start, limit) =>
      parseInventories(
        virtualIdSchema,
        await get(paths.groupMembers, {
          groupUuid,
          start,
          limit,
          replyWithCount: true,
          sortBy: 'name',
          sortDirection: 'asc',
        }),
        paths.groupMembers,
      ),
  };
}

/** The console's own client: every read through runQuery / zstack.get, cancelled with the signal. */
export function zstackLookups(signal?: AbortSignal): Lookups {
  return lookupsOf(
    (path, item, query) => runQuery(path, item, query, { signal }),
    (path, params) => zstack.get<unknown>(path, params, { signal }),
  );
}

/** The most a page of a read asks for (ZStack's own default, and the console's largest page). */
export const pageLimit = 1000;

/**
 * The values of a `field?=a,b,c` condition in as few queries as keep every request line within 8 KB
 * (the other conditions and parameters included), at most `pageLimit` values each. A value too long
 * for any request line names nothing ZStack has (its names are 255 characters at most) and is left out.
 */
export function inBatches(
  path: string,
  field: string,
  values: readonly string[],
  query: Omit<ZQuery, 'limit'> = {},
): string[][] {
  const base = requestLineLength(
    'GET',
    `/zstack/v1${path}?${queryParams({ ...query, q: [...(query.q ?? []), q.in(field, [])], limit: pageLimit })}`,
  );
  const room = maxRequestLine - base;
  // each value, and the encoded comma (%2C) before it
  const fitting = values.filter((v) => encodedLength(v) + 3 <= room);
  return chunkByLength(fitting, encodedLength, room, 3, pageLimit);
}

/** Every page of a read (`limit` each, `start` moving on) until a short page. */
export async function readAll<T>(
  read: (query: ZQuery) => Promise<QueryResult<T>>,
  query: Omit<ZQuery, 'limit' | 'start'>,
  limit = pageLimit,
): Promise<T[]> {
  const all: T[] = [];
  for (let start = 0; ; start += limit) {
    const page = await read({ ...query, limit, start });
    all.push(...page.inventories);
    if (page.inventories.length < limit) return all;
  }
}

/**
 * Everything matching `field?=values` (plus the other conditions), batched; values with a comma are
 * asked one by one with `field=value`.
 */
export async function readIn<T>(
  read: (query: ZQuery) => Promise<QueryResult<T>>,
  path: string,
  field: string,
  values: Iterable<string>,
  query: Omit<ZQuery, 'limit' | 'start'> = {},
): Promise<T[]> {
  const unique = [...new Set(values)];
  const listable = unique.filter((v) => !v.includes(','));
  const single = unique.filter((v) => v.includes(','));
  const others: readonly (Condition | false | undefined | null)[] = query.q ?? [];
  const conditions = [
    ...inBatches(path, field, listable, query).map((batch) => q.in(field, batch)),
    ...single.map((v) => q.eq(field, v)),
  ];
  const pages = await inParallel(conditions, (c) => readAll(read, { ...query, q: [...others, c] }));
  return pages.flat();
}

/** How many reads of one import or export are in flight at once. */
export const parallelReads = 4;

/** Maps over items with at most `parallelReads` calls in flight, results in the items' order. */
export async function inParallel<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelReads, items.length) }, worker));
  return results;
}

/** Only what a query needs to name something. */
export const nameFields = { fields: ['uuid', 'name'] } as const;

/** Items by uuid (nulls and repeats skipped), batched as readIn does, as a map by uuid. */
export async function readByUuid<T extends { uuid: string }>(
  read: (query: ZQuery) => Promise<QueryResult<T>>,
  path: string,
  uuids: Iterable<string | null | undefined>,
  query: Omit<ZQuery, 'limit' | 'start'> = {},
): Promise<Map<string, T>> {
  const wanted = [...uuids].filter((u): u is string => !!u);
  const items = await readIn(read, path, 'uuid', wanted, query);
  return new Map(items.map((item) => [item.uuid, item]));
}
