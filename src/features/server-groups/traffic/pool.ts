import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { ListenerSettings } from './listenerSettings';
import { queryByUuids, trafficKeys, uniqueSorted } from './requests';
import { peerGroupSchema, trafficListenerSchema, type PeerGroup, type TrafficListener } from './schemas';
import { inConfiguration, serversOf, zstackDefaultWeight, type PeerPool, type ShareListener } from './shares';

/**
 * Which backends share each of the group's listeners. ZStack's router puts the backends of all the
 * listener's server groups into one HAProxy backend; on an HTTP or HTTPS listener with forwarding rules
 * (ACL refs of type `redirect`), a group that a rule names gets its own, and the others share the
 * default one (VirtualRouterLoadBalancerBackend, zstack-vyos plugin/lb.go).
 */
export interface ListenerTopology {
  uuid: string;
  name: string;
  protocol?: string;
  loadBalancerPort?: number;
  instancePort?: number;
  /** Other groups whose backends share the listener's traffic with this group's. */
  peerGroupUuids: string[];
  routedByRules: boolean;
}

const listenersSchema = z.array(trafficListenerSchema);

/**
 * The group's listeners, from the load balancer's `listeners` (its inventory carries them with their
 * server group and ACL refs). Listeners of other groups are left out; the load balancer's order is kept.
 */
export function groupListeners(lbListeners: unknown, groupUuid: string): ListenerTopology[] {
  const parsed = listenersSchema.safeParse(lbListeners ?? []);
  if (!parsed.success) return [];
  const result: ListenerTopology[] = [];
  for (const l of parsed.data) {
    const groups = (l.serverGroupRefs ?? []).map((r) => r.serverGroupUuid).filter((u): u is string => !!u);
    if (!groups.includes(groupUuid)) continue;
    const { routedByRules, peerGroupUuids } = peersOf(l, groups, groupUuid);
    result.push({
      uuid: l.uuid,
      name: l.name,
      protocol: l.protocol ?? undefined,
      loadBalancerPort: l.loadBalancerPort ?? undefined,
      instancePort: l.instancePort ?? undefined,
      peerGroupUuids,
      routedByRules,
    });
  }
  return result;
}

function peersOf(l: TrafficListener, groups: readonly string[], groupUuid: string) {
  const http = l.protocol === 'http' || l.protocol === 'https';
  const ruled = new Set(
    http
      ? (l.aclRefs ?? [])
          .filter((a) => a.type === 'redirect' && a.serverGroupUuid)
          .map((a) => a.serverGroupUuid as string)
      : [],
  );
  if (ruled.has(groupUuid)) return { routedByRules: true, peerGroupUuids: [] };
  return {
    routedByRules: false,
    peerGroupUuids: uniqueSorted(groups.filter((g) => g !== groupUuid && !ruled.has(g))),
  };
}

/** The other groups on the listeners, with their refs' weights and statuses: one query per ~170 groups. */
export const peerGroupsQuery = (groupUuids: readonly string[]) =>
  queryOptions({
    queryKey: trafficKeys.peers(groupUuids),
    queryFn: ({ signal }): Promise<PeerGroup[]> =>
      queryByUuids('/load-balancers/servergroups', peerGroupSchema, groupUuids, { signal }),
    enabled: groupUuids.length > 0,
  });

/** A peer group's part of a listener: the weights and servers of its backends in the configuration. */
function poolOf(groups: readonly PeerGroup[]): PeerPool {
  const groupNames: string[] = [];
  let weightSum = 0;
  let servers = 0;
  for (const g of groups) {
    const before = servers;
    for (const ref of [...(g.vmNicRefs ?? []), ...(g.serverIps ?? [])]) {
      if (!inConfiguration(ref.status)) continue;
      servers += serversOf(ref);
      weightSum += (ref.weight ?? zstackDefaultWeight) * serversOf(ref);
    }
    // only groups that put a server into the listener's backend are named
    if (servers > before) groupNames.push(g.name);
  }
  return { groupNames, weightSum, servers };
}

export interface ShareListenerInputs {
  topology: readonly ListenerTopology[];
  /** From listenerSettingsQuery; undefined while loading or after a failed read. */
  settings?: ReadonlyMap<string, ListenerSettings>;
  /** From peerGroupsQuery; undefined while loading or after a failed read. */
  peers?: readonly PeerGroup[];
  /** Backends failing each listener's health check, by listener uuid. */
  down?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Puts the reads together into what the share computation takes, one entry per listener. */
export function shareListeners({ topology, settings, peers, down }: ShareListenerInputs): ShareListener[] {
  const byUuid = new Map((peers ?? []).map((g) => [g.uuid, g]));
  return topology.map((l) => {
    let pool: ShareListener['peers'];
    if (l.peerGroupUuids.length) {
      const groups = l.peerGroupUuids.map((u) => byUuid.get(u));
      pool = peers && groups.every((g) => g) ? poolOf(groups as PeerGroup[]) : 'unknown';
      // a group listed on the listener but not readable (gone, or not the admin's to see) counts as unknown
    }
    return {
      uuid: l.uuid,
      protocol: l.protocol,
      algorithm: settings?.get(l.uuid)?.algorithm,
      peers: pool,
      routedByRules: l.routedByRules,
      down: down?.get(l.uuid),
    };
  });
}
