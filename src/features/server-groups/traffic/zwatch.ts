import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { malformed, zstack } from '../../../api/client';
import { ConsoleCode, isRetryable, isZStackError } from '../../../api/errors';
import { listBudget, splitJoined, trafficKeys, uniqueSorted } from './requests';
import { msg, type TrafficMessage } from './messages';
import { metricDataSchema, type Datapoint } from './schemas';

/**
 * ZWatch's GetMetricData (`GET /zwatch/metrics`; sdk/.../zwatch/api/GetMetricDataAction.java) for the
 * load balancer's backends. ZWatch is closed source and absent from open-source nodes, whose REST layer
 * answers the path with a plain-text 404 `no api mapping to /v1/zwatch/metrics`: the console then says
 * once that health needs ZWatch, and asks no more for the rest of the session.
 */
export const zwatchPath = '/zwatch/metrics';
export const lbNamespace = 'ZStack/LoadBalancer';
export const statusMetric = 'LoadBalancerBackendStatus';
export const sessionsMetric = 'LoadBalancerBackendConcurrentSessionNumber';

/** Health of a table page, refreshed while the page shows (paused while the tab is hidden). */
export const healthRefreshMs = 15_000;
/** Open sessions of draining backends: they fall to 0 within seconds once the weight is 0. */
export const sessionsRefreshMs = 3_000;

/** The REST layer's answer for an API the node does not have (RestServer: `no api mapping to <path>`). */
export function isNoZWatch(e: unknown): boolean {
  return (
    isZStackError(e) && e.code === ConsoleCode.http && e.status === 404 && /no api mapping/i.test(e.details)
  );
}

export interface MetricScope {
  metric: string;
  loadBalancerUuid: string;
  /** The group's listeners: other listeners of the load balancer are not asked for. */
  listenerUuids: readonly string[];
  /** The backends' addresses: a NIC's IP or a server IP. */
  ips: readonly string[];
}

/** A literal inside ZWatch's `=~` label match (a Prometheus regular expression, matched whole). */
const literal = (text: string) => text.replace(/[\\.^$|?*+()[\]{}]/g, '\\$&');

/**
 * The GetMetricData queries for a scope: the labels as the SDK sends a list on a GET, one `labels=` per
 * label (`LoadBalancerUuid=<lb>`, `ListenerUuid=~<a>|<b>`, `NicIpAddress=~<ip>|<ip>`). A page of a hundred
 * backends on a few listeners is one request; longer lists are split (listeners and addresses each into
 * runs, every pair of runs one request) so that no request line outgrows 8 KB. No time range: the latest
 * value of each series.
 */
export function metricRequests(scope: MetricScope): URLSearchParams[] {
  const listenerRuns = splitJoined(uniqueSorted(scope.listenerUuids).map(literal), '|', listBudget / 3);
  const ipRuns = splitJoined(uniqueSorted(scope.ips).map(literal), '|', (listBudget * 2) / 3);
  return listenerRuns.flatMap((listeners) =>
    ipRuns.map((ips) => {
      const params = new URLSearchParams();
      params.set('namespace', lbNamespace);
      params.set('metricName', scope.metric);
      params.append('labels', `LoadBalancerUuid=${scope.loadBalancerUuid}`);
      params.append('labels', `ListenerUuid=~${listeners.join('|')}`);
      params.append('labels', `NicIpAddress=~${ips.join('|')}`);
      return params;
    }),
  );
}

/** The latest value of each series, by listener and address. */
export type MetricValues = Map<string, Map<string, number>>;

export function latestValues(points: readonly Datapoint[]): MetricValues {
  const latest = new Map<string, Map<string, { value: number; time: number }>>();
  for (const p of points) {
    const listener = p.labels?.ListenerUuid;
    const ip = p.labels?.NicIpAddress;
    if (!listener || !ip || typeof p.value !== 'number' || !Number.isFinite(p.value)) continue;
    let byIp = latest.get(listener);
    if (!byIp) latest.set(listener, (byIp = new Map()));
    const time = p.time ?? 0;
    const seen = byIp.get(ip);
    if (!seen || time >= seen.time) byIp.set(ip, { value: p.value, time });
  }
  const values: MetricValues = new Map();
  for (const [listener, byIp] of latest)
    values.set(listener, new Map([...byIp].map(([ip, v]) => [ip, v.value])));
  return values;
}

export type MetricAnswer = { kind: 'absent' } | { kind: 'values'; values: MetricValues; at: number };

/** Runs the scope's requests; a node without ZWatch gives `absent` (remembered in the cache), no error. */
export async function fetchMetric(
  client: QueryClient,
  scope: MetricScope,
  signal?: AbortSignal,
): Promise<MetricAnswer> {
  if (client.getQueryData(trafficKeys.zwatchAbsent()) === true) return { kind: 'absent' };
  try {
    const answers = await Promise.all(
      metricRequests(scope).map((params) => zstack.get<unknown>(zwatchPath, params, { signal })),
    );
    const points: Datapoint[] = [];
    for (const data of answers) {
      const parsed = metricDataSchema.safeParse(data);
      if (!parsed.success)
        throw malformed('GET', zwatchPath, 200, JSON.stringify(data).slice(0, 200), 'an unexpected shape');
      points.push(...(parsed.data.data ?? []));
    }
    return { kind: 'values', values: latestValues(points), at: Date.now() };
  } catch (e) {
    if (!isNoZWatch(e)) throw e;
    // kept until the cache is cleared (the session ends), not collected like an unused query
    client.setQueryDefaults(trafficKeys.zwatchAbsent(), { gcTime: Infinity });
    client.setQueryData(trafficKeys.zwatchAbsent(), true);
    return { kind: 'absent' };
  }
}

const metricQuery = (client: QueryClient, scope: MetricScope, refreshMs: number) =>
  queryOptions({
    queryKey: trafficKeys.metric(scope.metric, scope.loadBalancerUuid, scope.listenerUuids, scope.ips),
    queryFn: ({ signal }) => fetchMetric(client, scope, signal),
    enabled: scope.ips.length > 0 && scope.listenerUuids.length > 0,
    staleTime: refreshMs,
    // no polling of a node without ZWatch, nor after an error that asking again would repeat
    refetchInterval: (query) =>
      query.state.data?.kind === 'absent' || (query.state.error && !isRetryable(query.state.error))
        ? false
        : refreshMs,
    // the interval stops while the tab is hidden and resumes when it shows again
    refetchIntervalInBackground: false,
  });

/** LoadBalancerBackendStatus of one table page's backends on the group's listeners. */
export const backendHealthQuery = (client: QueryClient, scope: Omit<MetricScope, 'metric'>) =>
  metricQuery(client, { ...scope, metric: statusMetric }, healthRefreshMs);

/** LoadBalancerBackendConcurrentSessionNumber of the draining backends. */
export const backendSessionsQuery = (client: QueryClient, scope: Omit<MetricScope, 'metric'>) =>
  metricQuery(client, { ...scope, metric: sessionsMetric }, sessionsRefreshMs);

export type Health = 'up' | 'down' | 'noData' | 'needsZWatch' | 'unknown';

/** One backend's health on one listener: a value above 0 is up (ZStack's alarms treat < 1 as down). */
export function healthOf(
  answer: MetricAnswer | undefined,
  listenerUuid: string,
  ip: string | undefined,
): Health {
  if (!answer) return 'unknown';
  if (answer.kind === 'absent') return 'needsZWatch';
  const value = ip === undefined ? undefined : answer.values.get(listenerUuid)?.get(ip);
  if (value === undefined) return 'noData';
  return value > 0 ? 'up' : 'down';
}

/**
 * Open sessions of a backend summed over the listeners: a number; `noData` when ZWatch answered without a
 * series for it on one of them; undefined while there is no answer (loading, or no ZWatch).
 */
export function sessionsOf(
  answer: MetricAnswer | undefined,
  listenerUuids: readonly string[],
  ip: string | undefined,
): number | 'noData' | undefined {
  if (answer?.kind !== 'values') return undefined;
  if (ip === undefined) return 'noData';
  let total = 0;
  for (const l of listenerUuids) {
    const value = answer.values.get(l)?.get(ip);
    if (value === undefined) return 'noData';
    total += value;
  }
  return total;
}

/** The keys of the backends failing each listener's check, for the share computation. */
export function downByListener(
  answer: MetricAnswer | undefined,
  backends: readonly { key: string; ip?: string }[],
  listenerUuids: readonly string[],
): Map<string, Set<string>> {
  const down = new Map<string, Set<string>>();
  for (const l of listenerUuids) {
    const keys = new Set<string>();
    for (const b of backends) if (healthOf(answer, l, b.ip) === 'down') keys.add(b.key);
    down.set(l, keys);
  }
  return down;
}

/** What the health column shows for a backend on a listener. */
export function healthDisplay(health: Health): {
  label?: TrafficMessage;
  help?: TrafficMessage;
  tone: 'ok' | 'off' | 'unknown';
} {
  switch (health) {
    case 'up':
      return { label: msg('traffic.health.up'), tone: 'ok' };
    case 'down':
      return { label: msg('traffic.health.down'), tone: 'off' };
    case 'noData':
      return { label: msg('traffic.health.noData'), help: msg('traffic.health.noDataHelp'), tone: 'unknown' };
    case 'needsZWatch':
      // said once for the column, not on every row
      return { help: msg('traffic.health.needsZWatch'), tone: 'unknown' };
    case 'unknown':
      return { tone: 'unknown' };
  }
}
