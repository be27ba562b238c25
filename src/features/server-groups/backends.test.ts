import { describe, expect, it } from 'vitest';
import { filterAndSort, viewBackends, type BackendEntry } from './backends';
import type { NicDetail } from './api/backend-details';

const nic = (uuid: string, weight: number): BackendEntry => ({
  key: `nic:${uuid}`,
  ref: { kind: 'nic', uuid },
  weight,
});
const ip = (ipAddress: string, weight: number): BackendEntry => ({
  key: `ip:${ipAddress}`,
  ref: { kind: 'ip', ipAddress },
  weight,
});
const details = new Map<string, NicDetail>([
  ['a', { uuid: 'a', ip: '10.0.0.10', vmName: 'web-2', l3Name: 'app-net' }],
  ['b', { uuid: 'b', ip: '10.0.0.9', vmName: 'web-2', l3Name: 'app-net' }],
  ['c', { uuid: 'c', ip: '10.2.0.11', vmName: 'dev-vm-1', l3Name: 'dev-net' }],
]);
const views = viewBackends(
  [nic('a', 50), nic('b', 100), nic('c', 10), ip('192.168.100.10', 20)],
  details,
  (uuid) => `NIC ${uuid}`,
);

describe('the backends table', () => {
  it('names a VM with two NICs by its name and IP', () => {
    expect(views.map((v) => v.label)).toEqual([
      'web-2 (10.0.0.10)',
      'web-2 (10.0.0.9)',
      'dev-vm-1',
      '192.168.100.10',
    ]);
  });

  it('sorts addresses as numbers, not as text', () => {
    const byIp = filterAndSort(views, { key: 'ip', direction: 'asc' }, '');
    expect(byIp.map((v) => v.ip)).toEqual(['10.0.0.9', '10.0.0.10', '10.2.0.11', '192.168.100.10']);
  });

  it('sorts by weight, and by name the other way round', () => {
    expect(filterAndSort(views, { key: 'weight', direction: 'asc' }, '').map((v) => v.weight)).toEqual([
      10, 20, 50, 100,
    ]);
    expect(filterAndSort(views, { key: 'name', direction: 'desc' }, '').map((v) => v.label)[0]).toBe(
      'web-2 (10.0.0.10)',
    );
  });

  it('filters by VM name, IP or network, in the order ZStack lists them', () => {
    expect(filterAndSort(views, { key: 'added', direction: 'asc' }, 'DEV').map((v) => v.label)).toEqual([
      'dev-vm-1',
    ]);
    expect(filterAndSort(views, { key: 'added', direction: 'asc' }, '0.10').map((v) => v.label)).toEqual([
      'web-2 (10.0.0.10)',
      '192.168.100.10',
    ]);
  });
});
