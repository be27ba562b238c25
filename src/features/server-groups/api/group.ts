import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import { zstack } from '../../../api/client';
import {
  loadBalancerSchema,
  parseInventories,
  parseInventory,
  serverGroupSchema,
  vipSchema,
  type ServerGroup,
} from '../../../api/schemas';
import { isUuid, loadBalancerKeys, paths, serverGroupKeys } from './keys';

/** GET /<resource>/{uuid}: the same envelope as a query, with one element or none (never a 404). */
async function getOne<S extends z.ZodMiniType>(path: string, schema: S, signal: AbortSignal) {
  const data = await zstack.get<unknown>(path, undefined, { signal });
  return parseInventories(schema, data, path).inventories[0] ?? null;
}

/** The group with its NIC refs, server IPs and listener refs; null when no such group exists. */
export const serverGroupQuery = (uuid: string) =>
  queryOptions({
    queryKey: serverGroupKeys.detail(uuid),
    queryFn: ({ signal }) => getOne(paths.group(uuid), serverGroupSchema, signal),
    enabled: isUuid(uuid),
  });

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

/**
 * Every write to a group answers with the whole group: it goes into the cache at once, and the
 * invalidation that follows confirms it.
 */
export function useStoreGroup(groupUuid: string) {
  const client = useQueryClient();
  return (result: unknown, where: string) => {
    try {
      const group: ServerGroup = parseInventory(serverGroupSchema, result, where);
      client.setQueryData(serverGroupKeys.detail(groupUuid), group);
    } catch {
      // an answer without the group: the invalidation that follows fetches it
    }
  };
}
