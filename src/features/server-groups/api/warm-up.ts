import type { QueryClient } from '@tanstack/react-query';
import type { ServerGroup } from '../../../api/schemas';
import { backendPage, indexPageSize, pageNicsQuery } from './backend-details';
import { groupNetworksQuery, knownNetworks } from './candidates';
import { loadBalancerQuery } from './load-balancer';

/**
 * What a server group's page reads right after the group: its load balancer, the networks its NICs may
 * be on, and (for a group of more than one page of NICs) the NICs of the first page. Asked for as soon as
 * the group is in, so that these reads overlap the page's first render (some 100 ms for 5000 backends)
 * instead of waiting for it; the page's own queries then find them in the cache.
 */
export function warmUp(client: QueryClient, group: ServerGroup): void {
  if (!group.loadBalancerUuid) return;
  void client.prefetchQuery(loadBalancerQuery(group.loadBalancerUuid));
  void client.prefetchQuery(groupNetworksQuery(group.uuid));
  const refs = group.vmNicRefs ?? [];
  if (refs.length > indexPageSize)
    void client.prefetchQuery(
      pageNicsQuery(client, group.uuid, backendPage(refs), knownNetworks(client, group)),
    );
}
