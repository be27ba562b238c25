import { describe, expect, it } from 'vitest';
import {
  noBackends,
  ipMessage,
  rowLabels,
  rowMessages,
  rowsToParams,
  stagedFormSchema,
  weightMessages,
  type ExistingBackends,
  type StagedRow,
} from './schema';

const nic = (nicUuid: string, vmName: string, ip: string, weight = '100'): StagedRow => ({
  kind: 'nic',
  nicUuid,
  vmName,
  ip,
  l3Name: 'app-net',
  weight,
});
const ip = (ipAddress: string, weight = '100'): StagedRow => ({ kind: 'ip', ipAddress, weight });

function issues(rows: StagedRow[], existing: ExistingBackends = noBackends) {
  const result = stagedFormSchema(existing).safeParse({ rows });
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('the staged-rows form schema', () => {
  it('accepts NIC and IP rows with whole weights from 0 to 100', () => {
    expect(
      issues([nic('a'.repeat(32), 'web-1', '10.0.0.11', '0'), ip('192.168.2.1', '100'), ip('fd00::5', '42')]),
    ).toEqual([]);
  });

  it.each([
    ['-1', weightMessages.invalid],
    ['101', weightMessages.invalid],
    ['1.5', weightMessages.invalid],
    ['abc', weightMessages.invalid],
    ['1e3', weightMessages.invalid],
    ['0x10', weightMessages.invalid],
    ['', weightMessages.empty],
    ['   ', weightMessages.empty],
  ])('rejects the weight %j at its row', (weight, message) => {
    expect(issues([ip('10.0.0.1', weight)])).toEqual([{ path: 'rows.0.weight', message }]);
  });

  it('accepts a weight with spaces around it', () => {
    expect(issues([ip('10.0.0.1', ' 7 ')])).toEqual([]);
  });

  it.each(['10.0.0.256', '10.0.0', '010.0.0.1', 'fd00::5::1', 'fe80::1%eth0', '10.0.0.0/24', 'web-1', ''])(
    'rejects the address %j',
    (address) => {
      expect(issues([ip(address)])).toEqual([{ path: 'rows.0.ipAddress', message: ipMessage }]);
    },
  );

  it('marks the later of two equal IPs, however IPv6 is spelled', () => {
    expect(issues([ip('10.0.0.1'), ip('10.0.0.2'), ip('10.0.0.1')])).toEqual([
      { path: 'rows.2.ipAddress', message: rowMessages.duplicate },
    ]);
    expect(issues([ip('FD00:0:0::5'), ip('fd00::5')])).toEqual([
      { path: 'rows.1.ipAddress', message: rowMessages.duplicate },
    ]);
  });

  it('marks a NIC staged twice, and an IP that repeats a staged NIC', () => {
    const u = 'b'.repeat(32);
    expect(issues([nic(u, 'web-1', '10.0.0.11'), nic(u, 'web-1', '10.0.0.11')])).toEqual([
      { path: 'rows.1.nicUuid', message: rowMessages.duplicate },
    ]);
    expect(issues([nic(u, 'web-1', '10.0.0.11'), ip('10.0.0.11')])).toEqual([
      { path: 'rows.1.ipAddress', message: rowMessages.duplicate },
    ]);
  });

  it('marks what is already a backend of the group', () => {
    const existing: ExistingBackends = {
      nicUuids: new Set(['c'.repeat(32)]),
      serverIps: new Set(['192.168.100.10', 'fd00::5']),
    };
    expect(
      issues(
        [
          nic('c'.repeat(32), 'web-1', '10.0.0.11'),
          ip('192.168.100.10'),
          ip('FD00::0005'),
          nic('d'.repeat(32), 'x', '192.168.100.10'),
        ],
        existing,
      ),
    ).toEqual([
      { path: 'rows.0.nicUuid', message: rowMessages.alreadyBackend },
      { path: 'rows.1.ipAddress', message: rowMessages.alreadyBackend },
      { path: 'rows.2.ipAddress', message: rowMessages.alreadyBackend },
      { path: 'rows.3.nicUuid', message: rowMessages.ipTaken },
    ]);
  });

  it('reports a bad weight and a duplicate on the same row', () => {
    expect(issues([ip('10.0.0.1'), ip('10.0.0.1', '101')])).toEqual([
      { path: 'rows.1.weight', message: weightMessages.invalid },
      { path: 'rows.1.ipAddress', message: rowMessages.duplicate },
    ]);
  });
});

describe('rows to params', () => {
  it('sends NICs as {uuid, weight} and IPs as {ipAddress, weight}, weights as strings of integers', () => {
    expect(
      rowsToParams([
        nic('a'.repeat(32), 'web-1', '10.0.0.11', '20'),
        ip(' 192.168.2.1 ', '007'),
        nic('b'.repeat(32), 'web-2', '10.0.0.12', ' 0 '),
        ip('fd00::5', '100'),
      ]),
    ).toEqual({
      vmNics: [
        { uuid: 'a'.repeat(32), weight: '20' },
        { uuid: 'b'.repeat(32), weight: '0' },
      ],
      servers: [
        { ipAddress: '192.168.2.1', weight: '7' },
        { ipAddress: 'fd00::5', weight: '100' },
      ],
    });
  });

  it('leaves out an empty list', () => {
    expect(rowsToParams([ip('10.0.0.1', '5')])).toEqual({
      servers: [{ ipAddress: '10.0.0.1', weight: '5' }],
    });
    expect(rowsToParams([nic('a'.repeat(32), 'w', '10.0.0.1')])).toEqual({
      vmNics: [{ uuid: 'a'.repeat(32), weight: '100' }],
    });
    expect(rowsToParams([])).toEqual({});
  });
});

describe('row labels', () => {
  it('uses the VM name or the IP, and tells two NICs of one VM apart by IP', () => {
    expect(
      rowLabels([
        nic('a', 'gateway-1', '10.0.0.5'),
        nic('b', 'gateway-1', '10.0.1.5'),
        nic('c', 'web-1', '10.0.0.11'),
        ip('10.0.0.9'),
      ]),
    ).toEqual(['gateway-1 (10.0.0.5)', 'gateway-1 (10.0.1.5)', 'web-1', '10.0.0.9']);
  });

  it('gives a repeated entry a name of its own', () => {
    expect(rowLabels([ip('10.0.0.9'), ip('10.0.0.8'), ip('10.0.0.9')])).toEqual([
      '10.0.0.9',
      '10.0.0.8',
      '10.0.0.9 (row 3)',
    ]);
  });
});
