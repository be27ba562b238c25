import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { fakeFetch, json } from '../../test/fakeFetch';
import { changeWeightBody, removeBody, searchCandidateNics, searchServerGroups } from './api';

afterEach(() => vi.unstubAllGlobals());

const u = (c: string) => c.repeat(32);
const conditions = (url: string) => new URL(url, 'http://x').searchParams.getAll('q');
const path = (url: string) => new URL(url, 'http://x').pathname;

describe('the server group search', () => {
  it('finds groups by their name or their load balancer name: two queries at once, then one more', async () => {
    const { calls } = fakeFetch((call) => {
      const qs = conditions(call.url);
      if (path(call.url).endsWith('/load-balancers'))
        return json(200, { inventories: [{ uuid: u('1'), name: 'web-lb' }], total: 1 });
      if (qs[0]?.startsWith('name~='))
        return json(200, {
          inventories: [{ uuid: u('a'), name: 'web-pool', loadBalancerUuid: u('1') }],
          total: 1,
        });
      return json(200, {
        inventories: [
          { uuid: u('a'), name: 'web-pool', loadBalancerUuid: u('1') },
          { uuid: u('b'), name: 'api-pool', loadBalancerUuid: u('1') },
        ],
        total: 2,
      });
    });
    const page = await searchServerGroups(new QueryClient(), 'web', new AbortController().signal);
    expect(page.items.map((g) => [g.name, g.loadBalancerName])).toEqual([
      ['api-pool', 'web-lb'],
      ['web-pool', 'web-lb'],
    ]);
    expect(page.total).toBe(2);
    // the load balancer's name came with its search: no lookup afterwards
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => [path(c.url), conditions(c.url)])).toEqual([
      ['/zstack/v1/load-balancers/servergroups', ['name~=%web%']],
      ['/zstack/v1/load-balancers', ['name~=%web%']],
      ['/zstack/v1/load-balancers/servergroups', [`loadBalancerUuid?=${u('1')}`]],
    ]);
    const first = new URL(calls[0]!.url, 'http://x').searchParams;
    expect(first.get('limit')).toBe('20');
    expect(first.get('replyWithCount')).toBe('true');
  });

  it('escapes LIKE wildcards in what was typed', async () => {
    const { calls } = fakeFetch(() => json(200, { inventories: [], total: 0 }));
    await searchServerGroups(new QueryClient(), '50%_a', new AbortController().signal);
    expect(conditions(calls[0]!.url)).toEqual(['name~=%50\\%\\_a%']);
  });
});

describe('the candidate NIC search', () => {
  it('asks for NICs on LoadBalancer networks, leaves the members out in the query, and names them', async () => {
    const { calls } = fakeFetch((call) => {
      const p = path(call.url);
      if (p.endsWith('/vm-instances/nics'))
        return json(200, {
          inventories: [{ uuid: u('n'), ip: '10.0.0.12', vmInstanceUuid: u('v'), l3NetworkUuid: u('l') }],
          total: 1,
        });
      if (p.endsWith('/vm-instances')) return json(200, { inventories: [{ uuid: u('v'), name: 'web-2' }] });
      return json(200, { inventories: [{ uuid: u('l'), name: 'app-net' }] });
    });
    const page = await searchCandidateNics(
      new QueryClient(),
      { groupUuid: u('g'), ips: ['192.168.100.10'], ipVersion: 4 },
      '10.0',
      new AbortController().signal,
    );
    expect(page.items).toEqual([
      {
        uuid: u('n'),
        ip: '10.0.0.12',
        vmInstanceUuid: u('v'),
        vmName: 'web-2',
        l3NetworkUuid: u('l'),
        l3Name: 'app-net',
      },
    ]);
    const nicCalls = calls.filter((c) => path(c.url).endsWith('/nics'));
    expect(nicCalls).toHaveLength(2);
    const base = [
      'l3Network.networkServices.networkServiceType=LoadBalancer',
      'ip not null',
      'vmInstance.state?=Running,Stopped',
      'ipVersion=4',
      `loadBalancerServerGroup.uuid!?=${u('g')}`,
      'ip!?=192.168.100.10',
    ];
    expect(conditions(nicCalls[0]!.url)).toEqual([...base, 'vmInstance.name~=%10.0%']);
    expect(conditions(nicCalls[1]!.url)).toEqual([...base, 'ip~=%10.0%']);
    expect(calls).toHaveLength(4);
  });

  it('does not ask by IP when the text cannot be part of one', async () => {
    const { calls } = fakeFetch(() => json(200, { inventories: [], total: 0 }));
    await searchCandidateNics(
      new QueryClient(),
      { groupUuid: u('g'), ips: [] },
      'web',
      new AbortController().signal,
    );
    expect(calls).toHaveLength(1);
  });
});

describe('write bodies', () => {
  it('changes one weight per request, as a string', () => {
    expect(changeWeightBody({ backend: { kind: 'nic', uuid: u('a') }, weight: 30 })).toEqual({
      changeLoadBalancerBackendServer: { vmNics: [{ uuid: u('a'), weight: '30' }] },
    });
    expect(changeWeightBody({ backend: { kind: 'ip', ipAddress: '10.0.0.1' }, weight: 0 })).toEqual({
      changeLoadBalancerBackendServer: { servers: [{ ipAddress: '10.0.0.1', weight: '0' }] },
    });
  });

  it('removes NICs and IPs in one request, leaving out an empty list', () => {
    expect(
      removeBody([
        { kind: 'nic', uuid: u('a') },
        { kind: 'ip', ipAddress: '10.0.0.1' },
      ]),
    ).toEqual({ removeBackendServerFromServerGroup: { vmNicUuids: [u('a')], serverIps: ['10.0.0.1'] } });
    expect(removeBody([{ kind: 'ip', ipAddress: '10.0.0.1' }])).toEqual({
      removeBackendServerFromServerGroup: { serverIps: ['10.0.0.1'] },
    });
  });
});
