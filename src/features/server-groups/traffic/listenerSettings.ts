import { queryOptions } from '@tanstack/react-query';
import { q, runQuery } from '../../../api/query';
import { msg, type TrafficMessage } from './messages';
import { listBudget, splitJoined, trafficKeys, uniqueSorted } from './requests';
import { systemTagSchema, type SystemTag } from './schemas';

/**
 * A listener's balancing algorithm and health check, from its system tags (LoadBalancerSystemTags:
 * `balancerAlgorithm::<name>`, `healthCheckTarget::<protocol>:<port|default>`, `healthCheckInterval::<s>`,
 * `healthCheckTimeout::<s>`, `healthyThreshold::<n>`, `unhealthyThreshold::<n>`,
 * `healthCheckParameter::<method>:<URI>:<codes>`, `sessionPersistence::<mode>`).
 */
export const algorithms = ['roundrobin', 'weightroundrobin', 'leastconn', 'source'] as const;
export type Algorithm = (typeof algorithms)[number];

/**
 * ZStack's `lb.balancerAlgorithm` global default (conf/globalConfig/lb.xml), which
 * LoadBalancerApiInterceptor writes as a tag on every listener it creates: a listener without the tag
 * does not occur on a node, and is read as this.
 */
export const defaultAlgorithm: Algorithm = 'roundrobin';

export const isAlgorithm = (name: string): name is Algorithm =>
  (algorithms as readonly string[]).includes(name);

export interface HealthCheck {
  /** `tcp`, `udp` or `http`. */
  protocol?: string;
  /** A port, or `default`: the listener's instance port. */
  port?: number | 'default';
  intervalSeconds?: number;
  timeoutSeconds?: number;
  healthyThreshold?: number;
  unhealthyThreshold?: number;
  /** HTTP checks: method, URI and the expected status classes (`http_2xx`, ...). */
  http?: { method: string; uri: string; codes: string[] };
}

export interface ListenerSettings {
  listenerUuid: string;
  /** The tag's value as ZStack wrote it (lower case known names), or the default when absent. */
  algorithm: string;
  /** False when the listener had no algorithm tag and `algorithm` is ZStack's default. */
  algorithmTagged: boolean;
  healthCheck: HealthCheck;
  /** `insert` or `rewrite` (a cookie keeps a client on its backend), as tagged; absent when not set. */
  sessionPersistence?: string;
}

/** A cookie keeps clients on their backend (lb.go writes `cookie` for `insert` and `rewrite`). */
export const persistsSessions = (s: ListenerSettings): boolean =>
  s.sessionPersistence === 'insert' || s.sessionPersistence === 'rewrite';

const algorithmKeys = {
  roundrobin: 'traffic.algorithm.roundrobin',
  weightroundrobin: 'traffic.algorithm.weightroundrobin',
  leastconn: 'traffic.algorithm.leastconn',
  source: 'traffic.algorithm.source',
} as const;

/** The algorithm's name for people, and a note when it is ZStack's default rather than a tag. */
export function algorithmLabel(s: Pick<ListenerSettings, 'algorithm' | 'algorithmTagged'>): {
  label: TrafficMessage;
  note?: TrafficMessage;
} {
  const label = isAlgorithm(s.algorithm)
    ? msg(algorithmKeys[s.algorithm])
    : msg('traffic.algorithm.other', { name: s.algorithm });
  return s.algorithmTagged ? { label } : { label, note: msg('traffic.algorithm.defaulted') };
}

/**
 * The health check for people: how and how often, then when a backend counts as up or down; empty when
 * the listener's tags say nothing of it. `instancePort` is what the target's `default` stands for.
 */
export function healthCheckLines(hc: HealthCheck, instancePort?: number | null): TrafficMessage[] {
  if (!hc.protocol) return [];
  const port = hc.port === 'default' || hc.port === undefined ? (instancePort ?? '?') : hc.port;
  const interval = hc.intervalSeconds ?? '?';
  const lines = [
    hc.http && hc.protocol === 'http'
      ? msg('traffic.health.checkHttp', {
          method: hc.http.method,
          uri: hc.http.uri,
          port,
          interval,
          codes: hc.http.codes.map((c) => c.replace(/^http_/, '')).join(', '),
        })
      : msg('traffic.health.check', { protocol: hc.protocol.toUpperCase(), port, interval }),
  ];
  if (hc.healthyThreshold !== undefined && hc.unhealthyThreshold !== undefined)
    lines.push(
      msg('traffic.health.thresholds', { healthy: hc.healthyThreshold, unhealthy: hc.unhealthyThreshold }),
    );
  return lines;
}

const wholeNumber = (text: string): number | undefined => (/^\d+$/.test(text) ? Number(text) : undefined);

function applyTag(settings: ListenerSettings, tag: string): void {
  const at = tag.indexOf('::');
  if (at < 0) return;
  const name = tag.slice(0, at);
  const value = tag.slice(at + 2);
  const health = settings.healthCheck;
  switch (name) {
    case 'balancerAlgorithm':
      settings.algorithm = value.trim().toLowerCase();
      settings.algorithmTagged = true;
      break;
    case 'healthCheckTarget': {
      // as zstack-vyos plugin/lb.go reads it: protocol, then a port or "default"
      const [protocol = '', port = ''] = value.split(':');
      if (protocol) health.protocol = protocol.toLowerCase();
      if (port === 'default') health.port = 'default';
      else if (wholeNumber(port) !== undefined) health.port = wholeNumber(port);
      break;
    }
    case 'healthCheckInterval':
      health.intervalSeconds = wholeNumber(value);
      break;
    case 'healthCheckTimeout':
      health.timeoutSeconds = wholeNumber(value);
      break;
    case 'healthyThreshold':
      health.healthyThreshold = wholeNumber(value);
      break;
    case 'unhealthyThreshold':
      health.unhealthyThreshold = wholeNumber(value);
      break;
    case 'healthCheckParameter': {
      const parts = value.split(':');
      if (parts.length < 3) break;
      const method = parts[0] ?? '';
      const codes = (parts[parts.length - 1] ?? '').split(',').filter(Boolean);
      health.http = { method, uri: parts.slice(1, -1).join(':'), codes };
      break;
    }
    case 'sessionPersistence':
      settings.sessionPersistence = value;
      break;
  }
}

/** Each listener's settings from the tags of all of them; a listener without tags gets the defaults. */
export function parseListenerTags(
  listenerUuids: readonly string[],
  tags: readonly Pick<SystemTag, 'resourceUuid' | 'tag'>[],
): Map<string, ListenerSettings> {
  const byListener = new Map<string, ListenerSettings>();
  for (const uuid of listenerUuids)
    byListener.set(uuid, {
      listenerUuid: uuid,
      algorithm: defaultAlgorithm,
      algorithmTagged: false,
      healthCheck: {},
    });
  for (const t of tags) {
    const settings = byListener.get(t.resourceUuid);
    if (settings) applyTag(settings, t.tag);
  }
  return byListener;
}

/** A listener carries about 15 tags of its own (the interceptor's defaults and its options). */
const tagsPerListener = 40;

/**
 * The system tags of the listeners, in one QuerySystemTag request for up to about 170 listeners (more are
 * split to keep the request line short). Left out in the query: `balancerWeight::<nic>::<weight>` tags,
 * one per NIC that ZStack's older listener API attached (LoadBalancerApiInterceptor), which the router no
 * longer reads and which would grow with the group. A page that comes back full is followed by the next.
 */
export async function fetchListenerTags(
  listenerUuids: readonly string[],
  signal?: AbortSignal,
): Promise<SystemTag[]> {
  const runs = splitJoined(uniqueSorted(listenerUuids), ',', listBudget);
  const pages = await Promise.all(
    runs.map(async (run) => {
      const limit = Math.min(1000, run.length * tagsPerListener);
      const conditions = [
        q.in('resourceUuid', run),
        q.eq('resourceType', 'LoadBalancerListenerVO'),
        q.notLike('tag', 'balancerWeight::%'),
      ];
      const found: SystemTag[] = [];
      for (let start = 0; ; start += limit) {
        const page = await runQuery(
          '/system-tags',
          systemTagSchema,
          {
            q: conditions,
            limit,
            start,
            replyWithCount: true,
            sort: { field: 'uuid', direction: 'asc' },
            fields: ['uuid', 'resourceUuid', 'resourceType', 'tag'],
          },
          { signal },
        );
        found.push(...page.inventories);
        const total = page.total ?? found.length;
        if (page.inventories.length < limit || found.length >= total) return found;
      }
    }),
  );
  return pages.flat();
}

/** Algorithm, health check and session persistence of the group's listeners, by listener uuid. */
export const listenerSettingsQuery = (listenerUuids: readonly string[]) =>
  queryOptions({
    queryKey: trafficKeys.listenerSettings(listenerUuids),
    queryFn: async ({ signal }) =>
      parseListenerTags(listenerUuids, await fetchListenerTags(listenerUuids, signal)),
    enabled: listenerUuids.length > 0,
    // changed only by UpdateLoadBalancerListener; the summary's refresh re-reads it
    staleTime: 60_000,
  });
