import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json } from '../../../test/fakeFetch';
import { parseListenerTags } from './listenerSettings';
import { groupListeners, peerGroupsQuery, shareListeners } from './pool';
import { groupShares } from './shares';

afterEach(() => vi.unstubAllGlobals());

const [web, canary, api] = ['web', 'canary', 'api'];
const refs = (...groups: string[]) => groups.map((serverGroupUuid) => ({ serverGroupUuid }));
const lbListeners = [
  {
    uuid: 'http',
    name: 'http-80',
    protocol: 'http',
    loadBalancerPort: 80,
    instancePort: 8080,
    serverGroupRefs: refs(web, canary),
  },
  { uuid: 'https', name: 'https-443', protocol: 'https', serverGroupRefs: refs(web), aclRefs: [] },
  { uuid: 'tcp', name: 'tcp-22', protocol: 'tcp', serverGroupRefs: refs(api) },
  {
    uuid: 'ruled',
    name: 'http-8080',
    protocol: 'http',
    serverGroupRefs: refs(web, canary, api),
    aclRefs: [{ type: 'redirect', serverGroupUuid: api, aclUuid: 'acl' }],
  },
];

describe('the listeners of a group', () => {
  it('are those that name it, with the other groups that share their traffic', () => {
    expect(groupListeners(lbListeners, web)).toEqual([
      {
        uuid: 'http',
        name: 'http-80',
        protocol: 'http',
        loadBalancerPort: 80,
        instancePort: 8080,
        peerGroupUuids: [canary],
        routedByRules: false,
      },
      {
        uuid: 'https',
        name: 'https-443',
        protocol: 'https',
        loadBalancerPort: undefined,
        instancePort: undefined,
        peerGroupUuids: [],
        routedByRules: false,
      },
      // a forwarding rule sends its requests to api: web and canary share the rest
      {
        uuid: 'ruled',
        name: 'http-8080',
        protocol: 'http',
        loadBalancerPort: undefined,
        instancePort: undefined,
        peerGroupUuids: [canary],
        routedByRules: false,
      },
    ]);
    expect(groupListeners(lbListeners, api).map((l) => [l.uuid, l.routedByRules, l.peerGroupUuids])).toEqual([
      ['tcp', false, []],
      ['ruled', true, []],
    ]);
    expect(groupListeners(undefined, web)).toEqual([]);
  });
});

describe('peerGroupsQuery', () => {
  it('reads the other groups in one query with a limit', async () => {
    const { calls } = fakeFetch(() =>
      json(200, { inventories: [{ uuid: canary, name: 'canary-pool', vmNicRefs: [] }] }),
    );
    const groups = await new QueryClient().fetchQuery(peerGroupsQuery([canary]));
    expect(groups.map((g) => g.name)).toEqual(['canary-pool']);
    const p = new URL(calls[0]!.url, 'http://x').searchParams;
    expect([new URL(calls[0]!.url, 'http://x').pathname, p.getAll('q'), p.get('limit')]).toEqual([
      '/zstack/v1/load-balancers/servergroups',
      [`uuid?=${canary}`],
      '1',
    ]);
  });
});

describe('shares from the reads put together', () => {
  const topology = groupListeners(lbListeners, web);
  const settings = parseListenerTags(
    topology.map((l) => l.uuid),
    [
      { resourceUuid: 'http', tag: 'balancerAlgorithm::weightroundrobin' },
      { resourceUuid: 'ruled', tag: 'balancerAlgorithm::weightroundrobin' },
    ],
  );
  const backends = [
    { key: 'a', weight: 100, status: 'Active' },
    { key: 'b', weight: 100, status: 'Active' },
  ];
  const percent = (cell: unknown) => (cell as { percent?: number }).percent;

  it('pool a listener’s groups: the other group’s backends in the configuration take their part', () => {
    const peers = [
      {
        uuid: canary,
        name: 'canary-pool',
        vmNicRefs: [
          { weight: 100, status: 'Active', ipVersion: 4 },
          { weight: 100, status: 'Inactive', ipVersion: 4 },
        ],
        serverIps: [{ weight: 50, status: 'Active' }],
      },
    ];
    const shares = groupShares(backends, shareListeners({ topology, settings, peers }));
    const [http, https] = shares.listeners;
    // 100 of 100 + 100 + canary's 100 (its Inactive NIC left out) + 50
    expect(percent(http!.cells.get('a'))).toBeCloseTo((100 / 350) * 100);
    expect(http!.notes.map((n) => n.key)).toContain('traffic.share.pooledWithOthers');
    // https-443 has no tag: round robin, this group alone
    expect([https!.mode, percent(https!.cells.get('a'))]).toEqual(['equal', 50]);
    expect(shares.uniform).toBe(false);
  });

  it('give no figure on a pooled listener until the other groups are read', () => {
    const shares = groupShares(backends, shareListeners({ topology, settings, peers: undefined }));
    expect(shares.listeners.map((l) => l.mode)).toEqual(['none', 'equal', 'none']);
  });

  it('give no figure while the algorithms are not read', () => {
    const shares = groupShares(backends, shareListeners({ topology, peers: [] }));
    expect(shares.listeners.every((l) => l.mode === 'none')).toBe(true);
  });
});
