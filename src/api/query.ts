import type * as z from 'zod/mini';
import { zstack, type SyncOptions } from './client';
import { parseInventories } from './schemas';

/**
 * ZStack's query syntax: repeated q=<field><op><value> conditions (AND-ed), limit/start paging,
 * replyWithCount for a total, sort=+field / sort=-field, fields=a,b.
 */
export type Condition = string & { readonly __condition: unique symbol };

const make = (field: string, op: string, value = ''): Condition => `${field}${op}${value}` as Condition;
const list = (values: readonly string[]) => values.join(',');

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

export const q = {
  eq: (field: string, value: string | number) => make(field, '=', String(value)),
  ne: (field: string, value: string | number) => make(field, '!=', String(value)),
  gt: (field: string, value: number) => make(field, '>', String(value)),
  lt: (field: string, value: number) => make(field, '<', String(value)),
  in: (field: string, values: readonly string[]) => make(field, '?=', list(values)),
  notIn: (field: string, values: readonly string[]) => make(field, '!?=', list(values)),
  /** A raw SQL LIKE pattern: `%` and `_` are wildcards. */
  like: (field: string, pattern: string) => make(field, '~=', pattern),
  notLike: (field: string, pattern: string) => make(field, '!~=', pattern),
  /**
   * What a search box means: the text anywhere in the field, matched literally. `~=` is SQL LIKE, so the
   * text's own `%`, `_` and `\` are escaped (ZStack's LIKE uses `\` as its escape character).
   */
  contains: (field: string, text: string) => make(field, '~=', `%${escapeLike(text)}%`),
  isNull: (field: string) => make(field, ' is null'),
  notNull: (field: string) => make(field, ' not null'),
};

export interface ZQuery {
  q?: readonly (Condition | false | undefined | null)[];
  /** ZStack defaults to 1000: the console always says how many it wants. */
  limit: number;
  start?: number;
  replyWithCount?: boolean;
  count?: boolean;
  sort?: { field: string; direction: 'asc' | 'desc' };
  fields?: readonly string[];
}

export interface QueryResult<T> {
  inventories: T[];
  total?: number;
}

export function queryParams(query: ZQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const condition of query.q ?? []) if (condition) params.append('q', condition);
  params.set('limit', String(query.limit));
  if (query.start) params.set('start', String(query.start));
  if (query.replyWithCount) params.set('replyWithCount', 'true');
  if (query.count) params.set('count', 'true');
  if (query.sort) params.set('sort', `${query.sort.direction === 'asc' ? '+' : '-'}${query.sort.field}`);
  if (query.fields?.length) params.set('fields', query.fields.join(','));
  return params;
}

/** Runs a ZStack query API and checks the answer's shape. */
export async function runQuery<S extends z.ZodMiniType>(
  path: string,
  item: S,
  query: ZQuery,
  opts: SyncOptions = {},
): Promise<{ inventories: z.output<S>[]; total?: number }> {
  const data = await zstack.get<unknown>(path, queryParams(query), opts);
  return parseInventories(item, data, path);
}

/**
 * One inventory by uuid through its query API: ZStack answers an unknown (or invisible) uuid with an
 * empty list, never a 404, so that is `null` here.
 */
export async function findByUuid<S extends z.ZodMiniType>(
  path: string,
  item: S,
  uuid: string,
  opts: SyncOptions = {},
): Promise<z.output<S> | null> {
  return (await runQuery(path, item, { q: [q.eq('uuid', uuid)], limit: 1 }, opts)).inventories[0] ?? null;
}

/** The largest page the console asks for (ZStack's own default limit). */
export const maxPage = 1000;

/**
 * Every row of a paged read, a page of `maxPage` at a time: the first page tells how many there are,
 * the others are then asked for at once. For "every member matching": a few requests, never a list in
 * a URL.
 */
export async function readAll<T>(
  readPage: (start: number, limit: number, withCount: boolean) => Promise<QueryResult<T>>,
): Promise<T[]> {
  const first = await readPage(0, maxPage, true);
  const total = first.total ?? first.inventories.length;
  const starts: number[] = [];
  for (let start = maxPage; start < total; start += maxPage) starts.push(start);
  const rest = await Promise.all(starts.map((start) => readPage(start, maxPage, false)));
  return [first, ...rest].flatMap((page) => page.inventories);
}

/**
 * One page of a query API's inventories whose name contains `text` (every one without a text), sorted
 * by name, with the total: what a picker shows.
 */
export async function searchByName<S extends z.ZodMiniType>(
  path: string,
  item: S,
  text: string,
  { q: conditions = [], limit, signal }: { q?: Condition[]; limit: number; signal?: AbortSignal },
): Promise<{ items: z.output<S>[]; total?: number }> {
  const r = await runQuery(
    path,
    item,
    {
      q: [...conditions, text ? q.contains('name', text) : undefined],
      limit,
      replyWithCount: true,
      sort: { field: 'name', direction: 'asc' },
    },
    { signal },
  );
  return { items: r.inventories, total: r.total };
}
