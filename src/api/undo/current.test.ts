import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json } from '../../test/fakeFetch';
import { readUndoView } from './current';
import type { UndoRecord } from './records';

afterEach(() => vi.unstubAllGlobals());

const g = 'c'.repeat(32);
const [gone, member, kept] = ['a', 'b', 'd'].map((x) => x.repeat(32)) as [string, string, string];

/** A removal of a NIC (weight 40) and two server IPs (weights 20, 30) from a group. */
const record: UndoRecord = {
  id: 'j'.repeat(32),
  at: 0,
  jobUuids: ['j'.repeat(32)],
  invalidates: [],
  data: {
    kind: 'backends',
    undo: {
      of: {
        api: 'RemoveBackendServerFromServerGroup',
        groupUuid: g,
        vmNicUuids: [gone],
        serverIps: ['10.0.0.50', '10.0.0.60'],
      },
      groupUuid: g,
      items: [
        {
          key: { kind: 'nic', uuid: gone },
          before: { present: true, weight: 40 },
          after: { present: false },
        },
        {
          key: { kind: 'ip', ipAddress: '10.0.0.50' },
          before: { present: true, weight: 20 },
          after: { present: false },
        },
        {
          key: { kind: 'ip', ipAddress: '10.0.0.60' },
          before: { present: true, weight: 30 },
          after: { present: false },
        },
      ],
      unchanged: [],
    },
  },
};

describe('readUndoView', () => {
  it('puts back only what ZStack would take: not a deleted NIC, not an IP a member NIC holds now', async () => {
    const { calls } = fakeFetch((call) => {
      const url = new URL(call.url, 'http://x');
      const q = url.searchParams.getAll('q');
      if (url.pathname.endsWith(`/servergroups/${g}`))
        return json(200, {
          inventories: [{ uuid: g, name: 'web-pool', vmNicRefs: [{ vmNicUuid: member, weight: 100 }] }],
        });
      if (url.pathname.endsWith('/vm-instances/nics') && q.some((c) => c.startsWith('ip?=')))
        return json(200, {
          inventories: [
            { uuid: member, ip: '10.0.0.50' },
            // a NIC outside the group with the other IP: no obstacle
            { uuid: kept, ip: '10.0.0.60' },
          ],
        });
      // the removed NIC was deleted since
      return json(200, { inventories: [] });
    });
    const view = await readUndoView(record);
    expect(view.rows.map((r) => [r.label, r.skip ?? r.action, r.weight])).toEqual([
      [gone, 'nicGone', 40],
      ['10.0.0.50', 'ipTaken', 20],
      ['10.0.0.60', 'readd', 30],
    ]);
    expect(view.write).toEqual({
      api: 'AddBackendServerToServerGroup',
      groupUuid: g,
      vmNics: [],
      servers: [{ ipAddress: '10.0.0.60', weight: 30 }],
    });
    expect(view.differs).toBe(true);
    // reads only: one for the group, one per kind of NIC lookup, each with a limit
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
    const reads = calls.filter((c) => c.url.includes('/vm-instances'));
    expect(reads.every((c) => new URL(c.url, 'http://x').searchParams.has('limit'))).toBe(true);
  });
});
