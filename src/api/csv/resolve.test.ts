import { describe, expect, it } from 'vitest';
import { fakeLookups } from '../../test/fakeLookups';
import type { L3Network, VirtualId, VmInstance, VmNic } from '../schemas';
import { backendExportRows, memberExportRows } from './exportRows';
import { resolveBackends, type BackendRowInput, type TargetGroup } from './resolveBackends';
import { resolveMembers } from './resolveMembers';

// a letter, then the number in hex: distinct for every (letter, number)
const hex = (n: number, c = '0') => `${c}${n.toString(16).padStart(31, '0')}`;
const lbNet: L3Network = {
  uuid: hex(1, 'a'),
  name: 'app-net',
  networkServices: [{ networkServiceType: 'LoadBalancer' }],
};
const v6Net: L3Network = {
  uuid: hex(2, 'a'),
  name: 'app-v6',
  networkServices: [{ networkServiceType: 'LoadBalancer' }],
};
const dbNet: L3Network = {
  uuid: hex(3, 'a'),
  name: 'db-net',
  networkServices: [{ networkServiceType: 'DHCP' }],
};

const vm = (i: number, name: string): VmInstance => ({ uuid: hex(i, 'b'), name });
const nic = (i: number, vmIndex: number, ip: string, l3 = lbNet, ipVersion = 4): VmNic => ({
  uuid: hex(i, 'c'),
  vmInstanceUuid: hex(vmIndex, 'b'),
  l3NetworkUuid: l3.uuid,
  ip,
  ipVersion,
});

const world = {
  l3s: [lbNet, v6Net, dbNet],
  vms: [
    vm(1, 'web-1'),
    vm(2, 'web-2'),
    vm(3, 'twin'),
    vm(4, 'twin'),
    vm(5, 'db-1'),
    vm(6, 'web, 6'),
    vm(7, 'v6'),
  ],
  nics: [
    nic(1, 1, '10.0.0.11'),
    nic(2, 2, '10.0.0.12'),
    nic(3, 3, '10.0.0.30'),
    nic(4, 4, '10.0.0.30', dbNet),
    nic(5, 5, '10.0.1.5', dbNet),
    nic(6, 6, '10.0.0.16'),
    nic(7, 7, 'fd00::7', v6Net, 6),
    nic(8, 1, '10.0.0.99'),
  ],
};

const group: TargetGroup = {
  ipVersion: 4,
  nicUuids: new Set([hex(8, 'c')]),
  serverIps: new Set(['192.168.0.1']),
  nicIps: new Set(['10.0.0.99']),
};

const rows: BackendRowInput[] = [
  { line: 2, kind: 'nicUuid', nicUuid: hex(1, 'c'), weight: '20' },
  { line: 3, kind: 'vmIp', vmName: 'web-2', ip: '10.0.0.12', weight: '5' },
  { line: 4, kind: 'ip', ipAddress: '192.168.0.2', weight: '100' },
  { line: 5, kind: 'vmIp', vmName: 'nobody', ip: '10.0.0.1', weight: '1' },
  { line: 6, kind: 'vmIp', vmName: 'web-2', ip: '10.0.0.13', weight: '1' },
  { line: 7, kind: 'vmIp', vmName: 'db-1', ip: '10.0.1.5', weight: '1' },
  { line: 8, kind: 'nicUuid', nicUuid: hex(7, 'c'), weight: '1' },
  { line: 9, kind: 'nicUuid', nicUuid: hex(8, 'c'), weight: '1' },
  { line: 10, kind: 'ip', ipAddress: '192.168.0.1', weight: '1' },
  { line: 11, kind: 'vmIp', vmName: 'web-1', ip: '10.0.0.11', weight: '7' },
  { line: 12, kind: 'nicUuid', nicUuid: hex(99, 'c'), weight: '1' },
  { line: 13, kind: 'vmIp', vmName: 'web, 6', ip: '10.0.0.16', weight: '1' },
  { line: 14, kind: 'vmIp', vmName: 'twin', ip: '10.0.0.30', weight: '1' },
  { line: 15, kind: 'ip', ipAddress: '10.0.0.99', weight: '1' },
];

describe('resolving imported backends', () => {
  it('resolves each row or says why not', async () => {
    const { lookups } = fakeLookups(world);
    const outcomes = await resolveBackends(rows, group, lookups);
    expect(
      outcomes.map((o) => (o.status === 'resolved' ? [o.line, o.row] : [o.line, o.reason, o.detail])),
    ).toEqual([
      [
        2,
        {
          kind: 'nic',
          nicUuid: hex(1, 'c'),
          vmName: 'web-1',
          ip: '10.0.0.11',
          l3Name: 'app-net',
          weight: '20',
        },
      ],
      [
        3,
        {
          kind: 'nic',
          nicUuid: hex(2, 'c'),
          vmName: 'web-2',
          ip: '10.0.0.12',
          l3Name: 'app-net',
          weight: '5',
        },
      ],
      [4, { kind: 'ip', ipAddress: '192.168.0.2', weight: '100' }],
      [5, 'unknownVm', 'nobody'],
      [6, 'noNicWithIp', '10.0.0.13'],
      [7, 'notOnLbNetwork', 'db-net'],
      [8, 'wrongIpVersion', 'fd00::7'],
      [9, 'alreadyMember', undefined],
      [10, 'alreadyMember', undefined],
      [11, 'duplicate', '2'],
      [12, 'unknownNic', hex(99, 'c')],
      [
        13,
        {
          kind: 'nic',
          nicUuid: hex(6, 'c'),
          vmName: 'web, 6',
          ip: '10.0.0.16',
          l3Name: 'app-net',
          weight: '1',
        },
      ],
      [14, 'ambiguousName', 'twin'],
      [15, 'alreadyMember', undefined],
    ]);
  });

  it('refuses IP addresses for a Shared load balancer, and matches IPs by the key it is given', async () => {
    const { lookups } = fakeLookups(world);
    const shared = await resolveBackends([rows[2]!], { ...group, loadBalancerType: 'Shared' }, lookups);
    expect(shared).toEqual([
      { line: 4, status: 'unresolved', reason: 'sharedLoadBalancer', detail: undefined },
    ]);
    const v6 = await resolveBackends(
      [{ line: 1, kind: 'ip', ipAddress: 'FD00:0::1', weight: '1' }],
      { ...group, serverIps: new Set(['fd00::1']) },
      lookups,
      { ipKey: (ip) => ip.toLowerCase().replace(':0::', '::') },
    );
    expect(v6[0]).toMatchObject({ reason: 'alreadyMember' });
  });

  it('asks in batches: a few requests for thousands of rows, each line within 8 KB and with a limit', async () => {
    const many = Array.from({ length: 3_000 }, (_, i) =>
      nic(1_000 + i, 1_000 + i, `10.9.${i >> 8}.${i & 255}`),
    );
    const vms = many.map((n, i) => vm(1_000 + i, `vm-${String(i).padStart(6, '0')}`));
    const { lookups, lines } = fakeLookups({
      ...world,
      nics: [...world.nics, ...many],
      vms: [...world.vms, ...vms],
    });
    const input: BackendRowInput[] = many.map((n, i) =>
      i % 2
        ? { line: i + 1, kind: 'nicUuid', nicUuid: n.uuid, weight: '1' }
        : { line: i + 1, kind: 'vmIp', vmName: vms[i]!.name, ip: n.ip!, weight: '1' },
    );
    const outcomes = await resolveBackends(input, group, lookups);
    expect(outcomes.filter((o) => o.status !== 'resolved')).toEqual([]);
    expect(lines.length).toBeLessThan(40);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(8192);
      expect(line).toMatch(/[?&]limit=\d+/);
    }
  });

  it('finds no VM for a name too long for any request, without sending it', async () => {
    const { lookups, lines } = fakeLookups(world);
    const name = 'x'.repeat(9_000);
    const outcomes = await resolveBackends(
      [{ line: 1, kind: 'vmIp', vmName: name, ip: '10.0.0.1', weight: '1' }],
      group,
      lookups,
    );
    expect(outcomes).toEqual([{ line: 1, status: 'unresolved', reason: 'unknownVm', detail: name }]);
    expect(lines.every((l) => l.length <= 8192)).toBe(true);
  });
});

describe('resolving imported virtual IDs', () => {
  const project = hex(1, 'e');
  const groupUuid = hex(2, 'e');
  const vid = (i: number, name: string, state = 'Enabled'): VirtualId => ({ uuid: hex(i, 'd'), name, state });
  const vids = [
    vid(1, 'alice'),
    vid(2, 'bob'),
    vid(3, 'carol'),
    vid(4, 'mallory', 'Staled'),
    vid(5, 'dave'),
    vid(6, 'twin'),
    vid(7, 'twin'),
  ];
  const projectsOf = new Map(vids.filter((v) => v.name !== 'dave').map((v) => [v.uuid, [project]]));
  const groupsOf = new Map([[hex(3, 'd'), [groupUuid]]]);
  const input = [
    { line: 2, uuid: hex(1, 'd') },
    { line: 3, name: 'bob' },
    { line: 4, name: 'carol' },
    { line: 5, name: 'mallory' },
    { line: 6, name: 'dave' },
    { line: 7, name: 'twin' },
    { line: 8, name: 'nobody' },
    { line: 9, uuid: hex(99, 'd') },
    { line: 10, name: 'alice' },
  ];

  it('resolves names and uuids, or says why not', async () => {
    const { lookups } = fakeLookups({ vids, projectsOf, groupsOf });
    const outcomes = await resolveMembers(input, { groupUuid, projectUuid: project }, lookups);
    expect(
      outcomes.map((o) => (o.status === 'resolved' ? [o.line, o.member.name] : [o.line, o.reason])),
    ).toEqual([
      [2, 'alice'],
      [3, 'bob'],
      [4, 'alreadyMember'],
      [5, 'staled'],
      [6, 'notInProject'],
      [7, 'ambiguousName'],
      [8, 'unknownVirtualId'],
      [9, 'unknownVirtualId'],
      [10, 'duplicate'],
    ]);
  });

  it('takes the member set the console already has instead of asking', async () => {
    const { lookups, lines } = fakeLookups({ vids, projectsOf, groupsOf });
    const outcomes = await resolveMembers(
      input.slice(0, 2),
      { groupUuid, projectUuid: project, members: new Set([hex(2, 'd')]) },
      lookups,
    );
    expect(outcomes.map((o) => o.status)).toEqual(['resolved', 'unresolved']);
    expect(lines.some((l) => l.includes('groups.uuid'))).toBe(false);
  });
});

describe('rows of the CSV export', () => {
  it('names every backend of the group, NICs then IP addresses', async () => {
    const { lookups } = fakeLookups(world);
    const rows = await backendExportRows(
      {
        uuid: hex(9, 'f'),
        name: 'pool',
        vmNicRefs: [{ vmNicUuid: hex(1, 'c'), weight: 20, status: 'Active' }, { vmNicUuid: hex(77, 'c') }],
        serverIps: [{ ipAddress: '192.168.0.1', weight: 0, status: 'Inactive' }],
      },
      lookups,
    );
    expect(rows).toEqual([
      {
        type: 'nic',
        nicUuid: hex(1, 'c'),
        vmName: 'web-1',
        ip: '10.0.0.11',
        l3Name: 'app-net',
        weight: 20,
        status: 'Active',
      },
      {
        type: 'nic',
        nicUuid: hex(77, 'c'),
        vmName: undefined,
        ip: undefined,
        l3Name: undefined,
        weight: 100,
        status: undefined,
      },
      { type: 'ip', ip: '192.168.0.1', weight: 0, status: 'Inactive' },
    ]);
  });

  it('pages through every member of a virtual ID group', async () => {
    const vids = Array.from({ length: 25 }, (_, i) => ({
      uuid: hex(i, 'd'),
      name: `v${i}`,
      state: 'Enabled',
      type: 'ZStack',
    }));
    const g = hex(1, 'e');
    const { lookups, lines } = fakeLookups({ vids, groupsOf: new Map(vids.map((v) => [v.uuid, [g]])) });
    const rows = await memberExportRows(g, lookups, 10);
    expect(rows).toHaveLength(25);
    expect(rows[24]).toEqual({ name: 'v24', uuid: hex(24, 'd'), state: 'Enabled', type: 'ZStack' });
    expect(lines).toHaveLength(3);
  });
});
