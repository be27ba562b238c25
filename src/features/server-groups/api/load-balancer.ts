import { queryOptions } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import { zstack } from '../../../api/client';
import { loadBalancerSchema, parseInventories, vipSchema } from '../../../api/schemas';
import { loadBalancerKeys, paths } from './keys';

/** GET /<resource>/{uuid}: the same envelope as a query, with one element or none (never a 404). */
export async function getOne<S extends z.ZodMiniType>(path: string, schema: S, signal: AbortSignal) {
  const data = await zstack.get<unknown>(path, undefined, { signal });
  return parseInventories(schema, data, path).inventories[0] ?? null;
}

export const loadBalancerQuery = (uuid: string) =>
  queryOptions({
    queryKey: loadBalancerKeys.detail(uuid),
    queryFn: ({ signal }) => getOne(paths.loadBalancer(uuid), loadBalancerSchema, signal),
    staleTime: 60_000,
  });

export const vipQuery = (uuid: string) =>
  queryOptions({
    queryKey: loadBalancerKeys.vip(uuid),
    queryFn: ({ signal }) => getOne(paths.vip(uuid), vipSchema, signal),
    staleTime: 5 * 60_000,
  });
