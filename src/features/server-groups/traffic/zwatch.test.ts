import { focusManager, QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isZStackError } from '../../../api/errors';
import { fakeFetch, json, text } from '../../../test/fakeFetch';
import { englishText } from './englishText';
import {
  backendHealthQuery,
  backendSessionsQuery,
  downByListener,
  healthDisplay,
  healthOf,
  healthRefreshMs,
  metricRequests,
  sessionsOf,
  statusMetric,
} from './zwatch';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  focusManager.setFocused(undefined);
});

const lb = 'b'.repeat(32);
const [http, https] = ['1'.repeat(32), '2'.repeat(32)];
const point = (listener: string, ip: string, value: number, time = 1000) => ({
  value,
  time,
  labels: { LoadBalancerUuid: lb, ListenerUuid: listener, NicIpAddress: ip },
});
const noZWatch = () => text(404, 'no api mapping to /v1/zwatch/metrics');
const scope = (ips: string[]) => ({ loadBalancerUuid: lb, listenerUuids: [http, https], ips });

describe('the GetMetricData request', () => {
  it('names the namespace and metric, and one label per parameter as ZStack’s SDK sends a list', () => {
    const [p] = metricRequests({ metric: statusMetric, ...scope(['10.0.0.12', '10.0.0.11']) });
    expect(p!.get('namespace')).toBe('ZStack/LoadBalancer');
    expect(p!.get('metricName')).toBe('LoadBalancerBackendStatus');
    expect(p!.getAll('labels')).toEqual([
      `LoadBalancerUuid=${lb}`,
      `ListenerUuid=~${http}|${https}`,
      'NicIpAddress=~10\\.0\\.0\\.11|10\\.0\\.0\\.12',
    ]);
    expect(p!.toString()).toContain('labels=NicIpAddress%3D%7E10%5C.0%5C.0%5C.11%7C10%5C.0%5C.0%5C.12');
  });

  it('is one request for a page of a hundred backends, and stays under 8 KB for thousands', () => {
    const ips = (n: number) => Array.from({ length: n }, (_, i) => `10.64.${i >> 8}.${i & 255}`);
    expect(metricRequests({ metric: statusMetric, ...scope(ips(100)) })).toHaveLength(1);
    const many = metricRequests({ metric: statusMetric, ...scope(ips(5000)) });
    for (const p of many) expect(`GET /zstack/v1/zwatch/metrics?${p} HTTP/1.1`.length).toBeLessThan(8192);
    const asked = many.flatMap((p) => p.getAll('labels')[2]!.replace('NicIpAddress=~', '').split('|'));
    expect(asked).toHaveLength(5000);
    // and for a group on hundreds of listeners
    const listeners = Array.from({ length: 300 }, (_, i) => String(i).padStart(32, 'f'));
    const wide = metricRequests({
      metric: statusMetric,
      loadBalancerUuid: lb,
      listenerUuids: listeners,
      ips: ips(100),
    });
    for (const p of wide) expect(`GET /zstack/v1/zwatch/metrics?${p} HTTP/1.1`.length).toBeLessThan(8192);
    const pairs = wide.flatMap((p) => {
      const [, l, i] = p.getAll('labels');
      return l!
        .slice(14)
        .split('|')
        .flatMap((x) =>
          i!
            .slice(14)
            .split('|')
            .map((y) => `${x} ${y}`),
        );
    });
    expect(new Set(pairs).size).toBe(300 * 100);
  });
});

describe('backend health', () => {
  it('is per listener: the latest value of each series, above 0 up, 0 down, no series no data', async () => {
    const { calls } = fakeFetch(() =>
      json(200, {
        data: [
          point(http, '10.0.0.11', 0, 900),
          point(http, '10.0.0.11', 1, 960),
          point(https, '10.0.0.11', 0, 960),
          point(http, '10.0.0.12', 0.5, 960),
        ],
      }),
    );
    const client = new QueryClient();
    const answer = await client.fetchQuery(backendHealthQuery(client, scope(['10.0.0.11', '10.0.0.12'])));
    expect(calls).toHaveLength(1);
    expect(healthOf(answer, http, '10.0.0.11')).toBe('up');
    expect(healthOf(answer, https, '10.0.0.11')).toBe('down');
    expect(healthOf(answer, http, '10.0.0.12')).toBe('up');
    expect(healthOf(answer, https, '10.0.0.12')).toBe('noData');
    expect(healthOf(undefined, http, '10.0.0.12')).toBe('unknown');
    const down = downByListener(
      answer,
      [
        { key: 'a', ip: '10.0.0.11' },
        { key: 'b', ip: '10.0.0.12' },
      ],
      [http, https],
    );
    expect([...down.get(http)!]).toEqual([]);
    expect([...down.get(https)!]).toEqual(['a']);
  });

  it('says up, down, no data; and without ZWatch, once for the column, that health needs it', () => {
    const say = (h: Parameters<typeof healthDisplay>[0]) => {
      const d = healthDisplay(h);
      return [d.label && englishText(d.label), d.help && englishText(d.help), d.tone];
    };
    expect(say('up')).toEqual(['Up', undefined, 'ok']);
    expect(say('down')).toEqual(['Down', undefined, 'off']);
    expect(say('noData')[0]).toBe('No data');
    expect(say('needsZWatch')).toEqual([
      undefined,
      'Health needs ZWatch, which this management node does not have. Attachment status is shown instead.',
      'unknown',
    ]);
  });

  it('on a node without ZWatch: no error, no retry, and no further request this session', async () => {
    const { calls } = fakeFetch(noZWatch);
    const client = new QueryClient({ defaultOptions: { queries: { retry: 3, retryDelay: 0, gcTime: 1 } } });
    const first = backendHealthQuery(client, scope(['10.0.0.11']));
    const answer = await client.fetchQuery(first);
    expect(answer).toEqual({ kind: 'absent' });
    expect(healthOf(answer, http, '10.0.0.11')).toBe('needsZWatch');
    expect(calls).toHaveLength(1);
    // another page, and the sessions of a drain, even after unused queries are collected
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await client.fetchQuery(backendHealthQuery(client, scope(['10.0.0.99'])))).toEqual({
      kind: 'absent',
    });
    expect(await client.fetchQuery(backendSessionsQuery(client, scope(['10.0.0.11'])))).toEqual({
      kind: 'absent',
    });
    expect(calls).toHaveLength(1);
    // a new session starts with an empty cache, and asks again
    client.clear();
    await client.fetchQuery(backendHealthQuery(client, scope(['10.0.0.11'])));
    expect(calls).toHaveLength(2);
  });

  it('does not poll a node without ZWatch', async () => {
    vi.useFakeTimers();
    const { calls } = fakeFetch(noZWatch);
    const client = new QueryClient();
    const observer = new QueryObserver(client, backendHealthQuery(client, scope(['10.0.0.11'])));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(healthRefreshMs * 4);
    expect(calls).toHaveLength(1);
    expect(observer.getCurrentResult()).toMatchObject({ data: { kind: 'absent' }, error: null });
    unsubscribe();
  });

  it('stops polling after an error that asking again would repeat, and goes on after a network failure', async () => {
    vi.useFakeTimers();
    let answer = () => json(503, { error: { code: 'ID.1002', description: 'permission denied' } });
    const { calls } = fakeFetch(() => answer());
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const denied = new QueryObserver(client, backendHealthQuery(client, scope(['10.0.0.11'])));
    const stop = denied.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(healthRefreshMs * 3);
    expect(calls).toHaveLength(1);
    stop();
    answer = () => {
      throw new TypeError('Failed to fetch');
    };
    const flaky = new QueryObserver(client, backendHealthQuery(client, scope(['10.0.0.12'])));
    const stop2 = flaky.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(healthRefreshMs * 2);
    expect(calls).toHaveLength(4);
    stop2();
  });

  it('shows any other failure, such as ZStack refusing the session', async () => {
    fakeFetch(() =>
      json(503, { error: { code: 'ID.1002', description: 'permission denied', details: 'no' } }),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const error = await client
      .fetchQuery(backendHealthQuery(client, scope(['10.0.0.11'])))
      .catch((e: unknown) => e);
    expect(isZStackError(error) && error.code).toBe('ID.1002');
  });

  it('calls an answer of the wrong shape malformed', async () => {
    fakeFetch(() => json(200, { data: [{ value: 'up' }] }));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const error = await client
      .fetchQuery(backendHealthQuery(client, scope(['10.0.0.11'])))
      .catch((e: unknown) => e);
    expect(isZStackError(error) && error.code).toBe('CONSOLE.MALFORMED');
  });

  it('refreshes while the page shows, and pauses while the tab is hidden', async () => {
    vi.useFakeTimers();
    const { calls } = fakeFetch(() => json(200, { data: [point(http, '10.0.0.11', 1)] }));
    const client = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
    const observer = new QueryObserver(client, backendHealthQuery(client, scope(['10.0.0.11'])));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(healthRefreshMs * 2);
    expect(calls).toHaveLength(3);
    focusManager.setFocused(false);
    await vi.advanceTimersByTimeAsync(healthRefreshMs * 4);
    expect(calls).toHaveLength(3);
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(healthRefreshMs);
    expect(calls).toHaveLength(4);
    unsubscribe();
  });
});

describe('open sessions of a draining backend', () => {
  it('sum over the group’s listeners; no data while one of them has no series', async () => {
    fakeFetch(() =>
      json(200, {
        data: [point(http, '10.0.0.11', 3), point(https, '10.0.0.11', 2), point(http, '10.0.0.12', 0)],
      }),
    );
    const client = new QueryClient();
    const answer = await client.fetchQuery(backendSessionsQuery(client, scope(['10.0.0.11', '10.0.0.12'])));
    expect(sessionsOf(answer, [http, https], '10.0.0.11')).toBe(5);
    expect(sessionsOf(answer, [http], '10.0.0.12')).toBe(0);
    expect(sessionsOf(answer, [http, https], '10.0.0.12')).toBe('noData');
    expect(sessionsOf({ kind: 'absent' }, [http], '10.0.0.11')).toBeUndefined();
    expect(sessionsOf(undefined, [http], '10.0.0.11')).toBeUndefined();
  });
});
