import { describe, expect, it } from 'vitest';
import type { L3Network, VirtualId, VmInstance, VmNic } from '../../api/schemas';
import { canonicalIp } from '../../lib/ip';
import { fakeLookups } from '../../test/fakeLookups';
import { previewBackends, previewMembers } from './preview';

const hex = (n: number, c: string) => `${c}${n.toString(16).padStart(31, '0')}`;
const net: L3Network = {
  uuid: hex(1, 'a'),
  name: 'app-net',
  networkServices: [{ networkServiceType: 'LoadBalancer' }],
};
const vms: VmInstance[] = [
  { uuid: hex(1, 'b'), name: 'web-1' },
  { uuid: hex(2, 'b'), name: 'web-2' },
];
const nics: VmNic[] = [1, 2].map((i) => ({
  uuid: hex(i, 'c'),
  vmInstanceUuid: hex(i, 'b'),
  l3NetworkUuid: net.uuid,
  ip: `10.0.0.${i}`,
  ipVersion: 4,
}));

describe('CSV import preview', () => {
  it('stages what resolves, and lists every other row with its number, its text and why, in file order', async () => {
    const { lookups } = fakeLookups({ nics, vms, l3s: [net] });
    const text = [
      'VM,IP,weight',
      'web-1,10.0.0.1,20',
      'web-2,10.0.0.2,101',
      'nobody,10.0.0.9,5',
      ',192.168.0.1,7',
      'web-2,10.0.0.2,',
      'web-1,10.0.0.1,1',
    ].join('\r\n');
    const preview = await previewBackends(
      text,
      { ipVersion: 4, nicUuids: new Set(), serverIps: new Set(['192.168.0.1']) },
      { nicUuids: new Set([hex(2, 'c')]), ips: new Set() },
      lookups,
      canonicalIp,
    );
    expect(preview.rows).toEqual([
      { kind: 'nic', nicUuid: hex(1, 'c'), vmName: 'web-1', ip: '10.0.0.1', l3Name: 'app-net', weight: '20' },
    ]);
    expect(preview.problems.map((p) => [p.line, p.value, p.key, p.detail])).toEqual([
      [3, 'web-2, 10.0.0.2, 101', 'csv.row.badWeight', '101'],
      [4, 'nobody, 10.0.0.9, 5', 'csv.reason.unknownVm', 'nobody'],
      [5, ', 192.168.0.1, 7', 'csv.reason.alreadyMember', ''],
      [6, 'web-2, 10.0.0.2, ', 'csv.reason.alreadyStaged', ''],
      [7, 'web-1, 10.0.0.1, 1', 'csv.reason.duplicate', '2'],
    ]);
    expect(preview).toMatchObject({ alreadyMembers: 1, total: 6 });
  });

  it('resolves virtual IDs by name or uuid and refuses the ones already chosen', async () => {
    const vids: VirtualId[] = [
      { uuid: hex(1, 'd'), name: 'alice', state: 'Enabled' },
      { uuid: hex(2, 'd'), name: 'bob', state: 'Enabled' },
    ];
    const project = hex(9, 'e');
    const { lookups } = fakeLookups({
      vids,
      projectsOf: new Map(vids.map((v) => [v.uuid, [project]])),
      groupsOf: new Map(),
    });
    const preview = await previewMembers(
      `alice\n${hex(2, 'd')}\ncarol\n`,
      { groupUuid: hex(8, 'e'), projectUuid: project },
      new Set([hex(2, 'd')]),
      lookups,
    );
    expect(preview.rows).toEqual([{ uuid: hex(1, 'd'), name: 'alice', state: 'Enabled' }]);
    expect(preview.problems.map((p) => [p.line, p.key])).toEqual([
      [2, 'csv.reason.alreadyStaged'],
      [3, 'csv.reason.unknownVirtualId'],
    ]);
    expect(preview).toMatchObject({ alreadyMembers: 0, total: 3 });
  });
});
