import { useMemo } from 'react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { LoadBalancer, ServerGroup } from '../../../api/schemas';
import { listenerSettingsQuery, type ListenerSettings } from './listenerSettings';
import { groupListeners, peerGroupsQuery, shareListeners, type ListenerTopology } from './pool';
import { uniqueSorted } from './requests';
import { groupShares, serversOf, zstackDefaultWeight, type ShareBackend, type ShareListener } from './shares';
import type { DrainListener } from './drain';

/**
 * What the server group page knows of the traffic of a group: its listeners (from the load balancer's
 * inventory), their algorithm and health check (one QuerySystemTag request for all of them), the other
 * groups sharing them (one query), and what the share computation takes. The same queries serve the
 * summary, the backends table and the staged rows: React Query asks once.
 */
export interface GroupTraffic {
  topology: readonly ListenerTopology[];
  listenerUuids: readonly string[];
  settings: UseQueryResult<Map<string, ListenerSettings>>;
  /** For the share computation; empty while the load balancer is not read. */
  listeners: readonly ShareListener[];
  /** For the drain plan: names, protocols and algorithms (undefined while not read). */
  drainListeners: readonly DrainListener[];
  /** The listeners' reads are in (or there is nothing to read). */
  ready: boolean;
  /** The listeners' reads failed: no figure can be given. */
  failed: boolean;
}

export function useGroupTraffic(group: ServerGroup, lb: LoadBalancer | null | undefined): GroupTraffic {
  const topology = useMemo(() => (lb ? groupListeners(lb.listeners, group.uuid) : []), [lb, group.uuid]);
  const listenerUuids = useMemo(() => topology.map((l) => l.uuid), [topology]);
  const settings = useQuery(listenerSettingsQuery(listenerUuids));
  const peerUuids = useMemo(() => uniqueSorted(topology.flatMap((l) => l.peerGroupUuids)), [topology]);
  const peers = useQuery(peerGroupsQuery(peerUuids));
  const listeners = useMemo(
    () => shareListeners({ topology, settings: settings.data, peers: peerUuids.length ? peers.data : [] }),
    [topology, settings.data, peers.data, peerUuids.length],
  );
  const drainListeners = useMemo(
    () =>
      topology.map((l) => ({
        uuid: l.uuid,
        name: l.name,
        protocol: l.protocol,
        algorithm: settings.data?.get(l.uuid)?.algorithm,
      })),
    [topology, settings.data],
  );
  const settingsIn = !listenerUuids.length || settings.isSuccess;
  const peersIn = !peerUuids.length || peers.isSuccess;
  return {
    topology,
    listenerUuids,
    settings,
    listeners,
    drainListeners,
    ready: !!lb && settingsIn && peersIn,
    failed: settings.isError || peers.isError,
  };
}

/** The group's backends as the share computation takes them (status and servers from ZStack's refs). */
export function shareBackendsOf(group: ServerGroup): ShareBackend[] {
  return [
    ...(group.vmNicRefs ?? []).map((r) => ({
      key: `nic:${r.vmNicUuid}`,
      weight: r.weight ?? zstackDefaultWeight,
      status: r.status,
      servers: serversOf(r),
    })),
    ...(group.serverIps ?? []).map((s) => ({
      key: `ip:${s.ipAddress}`,
      weight: s.weight ?? zstackDefaultWeight,
      status: s.status,
      servers: serversOf(s),
    })),
  ];
}

/** The shares of the group's backends on each listener, computed once per group and listeners' reads. */
export function useGroupShares(group: ServerGroup, traffic: GroupTraffic) {
  const backends = useMemo(() => shareBackendsOf(group), [group]);
  const shares = useMemo(() => groupShares(backends, traffic.listeners), [backends, traffic.listeners]);
  return { backends, shares };
}
