import { queryOptions, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { parseInventory, serverGroupSchema, type ServerGroup } from '../../../api/schemas';
import { isUuid, paths, serverGroupKeys } from './keys';
import { getOne } from './load-balancer';
import { warmUp } from './warm-up';

/**
 * The group with its NIC refs, server IPs and listener refs; null when no such group exists. As soon as
 * it is in, what its page reads next is asked for (warm-up.ts), while the page renders.
 */
export const serverGroupQuery = (client: QueryClient, uuid: string) =>
  queryOptions({
    queryKey: serverGroupKeys.detail(uuid),
    queryFn: async ({ signal }) => {
      const group = await getOne(paths.group(uuid), serverGroupSchema, signal);
      if (group) warmUp(client, group);
      return group;
    },
    enabled: isUuid(uuid),
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
