import { useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isRetryable } from '../../../api/errors';
import type { LoadBalancer, ServerGroup } from '../../../api/schemas';
import { useT } from '../../../i18n/react';
import type { BackendView } from '../backends';
import { uniqueSorted } from './requests';
import { weightEffect } from './shares';
import { trafficColumns } from './trafficColumns';
import { useDrain } from './useDrain';
import { useGroupShares, useGroupTraffic } from './useGroupTraffic';
import { backendHealthQuery } from './zwatch';

export interface BackendTrafficInput {
  group: ServerGroup;
  lb: LoadBalancer | null | undefined;
  lbType: string | undefined;
  views: readonly BackendView[];
  /** The rows of the table page shown: their health is read, and only theirs. */
  pageRows: readonly BackendView[] | undefined;
}

/**
 * Everything the backends table shows of traffic: the share columns (computed once for the whole
 * group), the status column, the health of the page shown (one GetMetricData request, refreshed while
 * the page is open), drains, and the sentences that go with them.
 */
export function useBackendTraffic({ group, lb, lbType, views, pageRows }: BackendTrafficInput) {
  const t = useT();
  const client = useQueryClient();
  const traffic = useGroupTraffic(group, lb);
  const { shares } = useGroupShares(group, traffic);
  const names = useMemo(() => new Map(traffic.topology.map((l) => [l.uuid, l.name])), [traffic.topology]);
  const ipsKey = uniqueSorted((pageRows ?? []).flatMap((v) => (v.ip ? [v.ip] : []))).join(',');
  const ips = useMemo(() => (ipsKey ? ipsKey.split(',') : []), [ipsKey]);
  const health = useQuery(
    backendHealthQuery(client, {
      loadBalancerUuid: group.loadBalancerUuid ?? '',
      listenerUuids: traffic.listenerUuids,
      ips,
    }),
  );
  const drain = useDrain(group, traffic, lbType);
  const effect = useMemo(
    () =>
      traffic.ready
        ? weightEffect(
            traffic.topology.map((l) => ({
              name: l.name,
              algorithm: traffic.settings.data?.get(l.uuid)?.algorithm,
            })),
          )
        : undefined,
    [traffic.ready, traffic.topology, traffic.settings.data],
  );
  const byKey = useMemo(() => new Map(views.map((v) => [v.key, v])), [views]);
  const columns = trafficColumns({
    t,
    shares,
    listeners: traffic.topology,
    names,
    // after a failed read the cells say there is no figure, and the notes why
    ready: traffic.ready || traffic.failed,
    health: health.data,
    draining: drain.drainingKeys,
  });
  return {
    traffic,
    shares,
    names,
    columns,
    drain,
    effect,
    weightNote: effect ? t(effect.key, effect.values) : undefined,
    viewOf: (key: string) => byKey.get(key),
    /** The node has no ZWatch: the health column says so once. */
    needsZWatch: health.data?.kind === 'absent',
    /** ZWatch answered with an error worth showing (a retryable one is asked again by the interval). */
    healthError: health.error,
    healthRetrying: !!health.error && isRetryable(health.error),
  };
}

export type BackendTraffic = ReturnType<typeof useBackendTraffic>;
