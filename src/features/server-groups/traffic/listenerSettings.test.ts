import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json } from '../../../test/fakeFetch';
import {
  algorithmLabel,
  healthCheckLines,
  listenerSettingsQuery,
  parseListenerTags,
  persistsSessions,
} from './listenerSettings';
import { englishText } from './englishText';

afterEach(() => vi.unstubAllGlobals());

const u = (c: string, i = 0) => `${c}${String(i).padStart(31, '0')}`.slice(0, 32);
const tag = (resourceUuid: string, t: string) => ({ resourceUuid, tag: t });
const params = (url: string) => new URL(url, 'http://x').searchParams;

describe('listener tags', () => {
  it('give the algorithm and the health check as ZStack writes them', () => {
    const l = u('a');
    const settings = parseListenerTags(
      [l],
      [
        tag(l, 'connectionIdleTimeout::60'),
        tag(l, 'healthyThreshold::2'),
        tag(l, 'healthCheckInterval::5'),
        tag(l, 'healthCheckTarget::http:default'),
        tag(l, 'healthCheckTimeout::2'),
        tag(l, 'unhealthyThreshold::6'),
        tag(l, 'balancerAlgorithm::weightroundrobin'),
        tag(l, 'healthCheckParameter::HEAD:/health:check:http_2xx,http_3xx'),
        tag(l, 'sessionPersistence::insert'),
      ],
    ).get(l);
    expect(settings).toEqual({
      listenerUuid: l,
      algorithm: 'weightroundrobin',
      algorithmTagged: true,
      healthCheck: {
        protocol: 'http',
        port: 'default',
        intervalSeconds: 5,
        timeoutSeconds: 2,
        healthyThreshold: 2,
        unhealthyThreshold: 6,
        http: { method: 'HEAD', uri: '/health:check', codes: ['http_2xx', 'http_3xx'] },
      },
      sessionPersistence: 'insert',
    });
    expect(persistsSessions(settings!)).toBe(true);
  });

  it('without an algorithm tag, read as round robin, ZStack’s global default; each listener its own', () => {
    const [a, b] = [u('a'), u('b')];
    const settings = parseListenerTags(
      [a, b],
      [tag(b, 'balancerAlgorithm::leastconn'), tag(b, 'healthCheckTarget::tcp:8080')],
    );
    expect(settings.get(a)).toMatchObject({
      algorithm: 'roundrobin',
      algorithmTagged: false,
      healthCheck: {},
    });
    expect(settings.get(b)).toMatchObject({
      algorithm: 'leastconn',
      healthCheck: { protocol: 'tcp', port: 8080 },
    });
    expect(persistsSessions(settings.get(b)!)).toBe(false);
  });

  it('ignore tags of other resources and values that are not numbers', () => {
    const a = u('a');
    const settings = parseListenerTags(
      [a],
      [tag(u('z'), 'balancerAlgorithm::source'), tag(a, 'healthCheckInterval::five')],
    );
    expect(settings.get(a)).toMatchObject({
      algorithm: 'roundrobin',
      healthCheck: { intervalSeconds: undefined },
    });
  });
});

describe('what the summary says of a listener', () => {
  it('names the algorithm, and says when it is ZStack’s default rather than a tag', () => {
    const named = algorithmLabel({ algorithm: 'weightroundrobin', algorithmTagged: true });
    expect([englishText(named.label), named.note]).toEqual(['Weighted round robin', undefined]);
    const defaulted = algorithmLabel({ algorithm: 'roundrobin', algorithmTagged: false });
    expect([englishText(defaulted.label), englishText(defaulted.note!)]).toEqual([
      'Round robin',
      'The listener has no algorithm tag: ZStack uses round robin, its global default.',
    ]);
    expect(englishText(algorithmLabel({ algorithm: 'weightleastconn', algorithmTagged: true }).label)).toBe(
      'Algorithm “weightleastconn”',
    );
  });

  it('sums up the health check, `default` standing for the instance port', () => {
    const http = {
      protocol: 'http',
      port: 'default' as const,
      intervalSeconds: 5,
      healthyThreshold: 2,
      unhealthyThreshold: 6,
      http: { method: 'HEAD', uri: '/', codes: ['http_2xx'] },
    };
    expect(healthCheckLines(http, 8080).map(englishText)).toEqual([
      'HTTP check: HEAD / on port 8080 every 5 s, expecting 2xx',
      'Up after 2 passing checks in a row, down after 6 failing ones',
    ]);
    expect(healthCheckLines({ protocol: 'tcp', port: 3306, intervalSeconds: 2 }).map(englishText)).toEqual([
      'TCP check on port 3306 every 2 s',
    ]);
    expect(healthCheckLines({})).toEqual([]);
  });
});

describe('listenerSettingsQuery', () => {
  it('reads the tags of all the listeners in one QuerySystemTag request, without the weight tags', async () => {
    const [a, b] = [u('a'), u('b')];
    const { calls } = fakeFetch(() =>
      json(200, {
        inventories: [
          {
            uuid: u('t', 1),
            resourceUuid: a,
            resourceType: 'LoadBalancerListenerVO',
            tag: 'balancerAlgorithm::weightroundrobin',
          },
          {
            uuid: u('t', 2),
            resourceUuid: b,
            resourceType: 'LoadBalancerListenerVO',
            tag: 'healthCheckInterval::9',
          },
        ],
        total: 2,
      }),
    );
    const settings = await new QueryClient().fetchQuery(listenerSettingsQuery([b, a]));
    expect(calls).toHaveLength(1);
    const p = params(calls[0]!.url);
    expect(new URL(calls[0]!.url, 'http://x').pathname).toBe('/zstack/v1/system-tags');
    expect(p.getAll('q')).toEqual([
      `resourceUuid?=${a},${b}`,
      'resourceType=LoadBalancerListenerVO',
      'tag!~=balancerWeight::%',
    ]);
    expect(p.get('limit')).toBe('80');
    expect(p.get('replyWithCount')).toBe('true');
    expect(settings.get(a)?.algorithm).toBe('weightroundrobin');
    expect(settings.get(b)).toMatchObject({ algorithm: 'roundrobin', healthCheck: { intervalSeconds: 9 } });
  });

  it('reads the next page when the first one is full', async () => {
    const a = u('a');
    const { calls } = fakeFetch((call) => {
      const start = Number(params(call.url).get('start') ?? 0);
      const limit = Number(params(call.url).get('limit'));
      const all = Array.from({ length: 45 }, (_, i) => ({ resourceUuid: a, tag: `x${i}::1` }));
      all[44] = { resourceUuid: a, tag: 'balancerAlgorithm::source' };
      return json(200, { inventories: all.slice(start, start + limit), total: all.length });
    });
    const settings = await new QueryClient().fetchQuery(listenerSettingsQuery([a]));
    expect(calls.map((c) => params(c.url).get('start'))).toEqual([null, '40']);
    expect(settings.get(a)?.algorithm).toBe('source');
  });

  it('keeps every request line under 8 KB however many listeners, splitting the list', async () => {
    const many = Array.from({ length: 500 }, (_, i) => u('c', i));
    const { calls } = fakeFetch(() => json(200, { inventories: [], total: 0 }));
    const settings = await new QueryClient().fetchQuery(listenerSettingsQuery(many));
    expect(calls.length).toBe(3);
    for (const c of calls) expect(`GET ${c.url} HTTP/1.1`.length).toBeLessThan(8192);
    const asked = calls.flatMap((c) =>
      params(c.url).getAll('q')[0]!.replace('resourceUuid?=', '').split(','),
    );
    expect(new Set(asked)).toEqual(new Set(many));
    expect(settings.size).toBe(500);
    for (const c of calls) expect(Number(params(c.url).get('limit'))).toBeLessThanOrEqual(1000);
  });
});
