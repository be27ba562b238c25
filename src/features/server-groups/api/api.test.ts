import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { fakeFetch, json } from '../../../test/fakeFetch';
import { searchCandidateNics } from './candidates';
import { searchServerGroups } from './search-server-groups';
import { changeWeightBody, removeBackendsPlan, removeBody } from './writes';

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
    expect(calls.map((c) => [path(c.url), conditions(c.url)])).toEqual([
      ['/zstack/v1/load-balancers/servergroups', ['name~=%web%']],
      ['/zstack/v1/load-balancers', ['name~=%web%']],
      ['/zstack/v1/load-balancers/servergroups', [`loadBalancerUuid?=${u('1')}`]],
    ]);
  });

  it('searches what was typed literally: LIKE wildcards are escaped', async () => {
    const { calls } = fakeFetch(() => json(200, { inventories: [], total: 0 }));
    await searchServerGroups(new QueryClient(), '50%_a', new AbortController().signal);
    expect(conditions(calls[0]!.url)).toEqual(['name~=%50\\%\\_a%']);
  });
});

describe('the candidate NIC search', () => {
  const networks = new Map([[u('l'), 'app-net']]);
  let vms = 0;
  const vm = (name: string, nics: object[]) => ({
    uuid: u(String((vms += 1) % 10)),
    name,
    state: 'Running',
    vmNics: nics,
  });
  const nic = (uuid: string, ip: string, extra: object = {}) => ({
    uuid,
    ip,
    l3NetworkUuid: u('l'),
    ipVersion: 4,
    ...extra,
  });

  it('asks for VMs with a NIC on the networks in one query, their NICs included, and marks members', async () => {
    const { calls } = fakeFetch(() =>
      json(200, {
        inventories: [
          vm('web-2', [nic(u('n'), '10.0.0.12'), nic(u('m'), '10.0.9.9', { l3NetworkUuid: u('d') })]),
          vm('web-1', [nic(u('w'), '10.0.0.11')]),
          vm('router', [nic(u('r'), '10.0.0.1', { metaData: '4' })]),
        ],
        total: 3,
      }),
    );
    const scope = { networks, memberNics: new Set([u('w')]), serverIps: new Set<string>(), ipVersion: 4 };
    const page = await searchCandidateNics(scope, 'web', new AbortController().signal);
    // a name cannot be an IP: one request, the page sorted by VM name
    expect(calls).toHaveLength(1);
    expect(path(calls[0]!.url)).toBe('/zstack/v1/vm-instances');
    expect(conditions(calls[0]!.url)).toEqual([
      'state?=Running,Stopped',
      'type?=UserVM,baremetal2',
      `vmNics.l3NetworkUuid?=${u('l')}`,
      'vmNics.ip not null',
      'vmNics.usedIp.ipVersion=4',
      'name~=%web%',
    ]);
    // NICs of other networks and appliance NICs are not offered; the member is offered, marked
    expect(page.items.map((n) => [n.vmName, n.ip, n.l3Name, n.blocked])).toEqual([
      ['web-1', '10.0.0.11', 'app-net', 'backends.nics.inGroup'],
      ['web-2', '10.0.0.12', 'app-net', undefined],
    ]);
  });

  it('asks by name and by IP at once when the text could be either, and marks a NIC whose IP is a server IP', async () => {
    const { calls } = fakeFetch((call) =>
      conditions(call.url).some((c) => c.startsWith('vmNics.ip~='))
        ? json(200, { inventories: [vm('api-1', [nic(u('a'), '10.0.0.21')])], total: 1 })
        : json(200, { inventories: [], total: 0 }),
    );
    const scope = { networks, memberNics: new Set<string>(), serverIps: new Set(['10.0.0.21']) };
    const page = await searchCandidateNics(scope, '10.0.0.2', new AbortController().signal);
    expect(calls.map((c) => conditions(c.url).at(-1))).toEqual(['name~=%10.0.0.2%', 'vmNics.ip~=%10.0.0.2%']);
    expect(page.items.map((n) => [n.ip, n.blocked])).toEqual([['10.0.0.21', 'backends.staged.ipTaken']]);
  });

  it("offers a dual-stack NIC to a group of either version, at that version's address", async () => {
    const dual = nic(u('d'), '10.0.2.10', {
      ipVersion: undefined,
      usedIps: [
        { ip: '10.0.2.10', ipVersion: 4 },
        { ip: 'fd00:20::10', ipVersion: 6 },
      ],
    });
    const v4only = nic(u('4'), '10.0.0.9', {
      ipVersion: undefined,
      usedIps: [{ ip: '10.0.0.9', ipVersion: 4 }],
    });
    fakeFetch(() => json(200, { inventories: [vm('dual-1', [dual, v4only])], total: 1 }));
    const scope = { networks, memberNics: new Set<string>(), serverIps: new Set<string>(), ipVersion: 6 };
    const page = await searchCandidateNics(scope, '', new AbortController().signal);
    expect(page.items.map((n) => [n.uuid, n.ip])).toEqual([[u('d'), 'fd00:20::10']]);
  });

  it('asks nothing when the load balancer reaches no network with the service', async () => {
    const { calls } = fakeFetch(() => json(200, { inventories: [] }));
    const scope = { networks: new Map(), memberNics: new Set<string>(), serverIps: new Set<string>() };
    expect(await searchCandidateNics(scope, '', new AbortController().signal)).toEqual({
      items: [],
      total: 0,
    });
    expect(calls).toHaveLength(0);
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

  it('removes NICs and IPs together, leaving out an empty list', () => {
    expect(
      removeBody([
        { kind: 'nic', uuid: u('a') },
        { kind: 'ip', ipAddress: '10.0.0.1' },
      ]),
    ).toEqual({
      removeBackendServerFromServerGroup: { vmNicUuids: [u('a')], serverIps: ['10.0.0.1'] },
    });
    expect(removeBody([{ kind: 'ip', ipAddress: '10.0.0.1' }])).toEqual({
      removeBackendServerFromServerGroup: { serverIps: ['10.0.0.1'] },
    });
  });

  it('removes 1200 backends in three calls of at most 500, each backend once, in order', () => {
    const items = Array.from({ length: 1200 }, (_, i) => ({
      ref: { kind: 'ip' as const, ipAddress: `10.1.${i >> 8}.${i & 255}` },
    }));
    const { chunks, requests } = removeBackendsPlan(u('g'), items);
    expect(chunks.map((c) => c.length)).toEqual([500, 500, 200]);
    expect(chunks.flat()).toEqual(items);
    expect(requests.map((r) => [r.method, r.path])).toEqual(
      Array(3).fill(['PUT', `/load-balancers/servergroups/${u('g')}/backendservers/actions`]),
    );
  });
});
