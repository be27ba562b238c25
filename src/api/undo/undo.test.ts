import { describe, expect, it } from 'vitest';
import type { ServerGroup } from '../schemas';
import { planBackendUndo, undoBackendWrite } from './backends';
import { planMemberUndo, undoMemberWrite } from './members';
import { ApiLogStore } from '../log/store';
import { toRequests, writeOf, writeOfEntry } from './wire';
import type { BackendWrite, Write } from './types';

const g = '9e9c1f7a74ce3cb6b51d4f938537f765';
const [a, b, c] = ['a', 'b', 'c'].map((x) => x.repeat(32)) as [string, string, string];

const group = (nics: [string, number, number?][], ips: [string, number, number?][] = []): ServerGroup => ({
  uuid: g,
  name: 'web-pool',
  vmNicRefs: nics.map(([vmNicUuid, weight, id]) => ({ vmNicUuid, weight, id })),
  serverIps: ips.map(([ipAddress, weight, id]) => ({ ipAddress, weight, id })),
});

describe('undo of AddBackendServerToServerGroup', () => {
  const add: BackendWrite = {
    api: 'AddBackendServerToServerGroup',
    groupUuid: g,
    vmNics: [{ uuid: b, weight: 20 }],
    servers: [{ ipAddress: '192.168.2.1' }],
  };
  const before = group([[a, 50, 1]]);
  const after = group(
    [
      [a, 50, 1],
      [b, 20, 7],
    ],
    [['192.168.2.1', 100, 8]],
  );

  it('removes what the add added, and nothing else', () => {
    const plan = planBackendUndo(undoBackendWrite(add, before, after), after);
    expect(plan).toMatchObject({ skipped: [], changedSince: false });
    expect(toRequests(plan.write!)).toEqual([
      {
        method: 'PUT',
        path: `/load-balancers/servergroups/${g}/backendservers/actions`,
        body: { removeBackendServerFromServerGroup: { vmNicUuids: [b], serverIps: ['192.168.2.1'] } },
      },
    ]);
  });

  it('leaves what someone changed since, and says so', () => {
    const now = group(
      [
        [a, 50, 1],
        [b, 70, 7],
      ],
      [],
    );
    const plan = planBackendUndo(undoBackendWrite(add, before, after), now);
    expect(plan.write).toBeUndefined();
    expect(plan.changedSince).toBe(true);
    expect(plan.skipped).toEqual([
      { key: { kind: 'nic', uuid: b }, reason: 'weightChangedSince', weightNow: 70 },
      { key: { kind: 'ip', ipAddress: '192.168.2.1' }, reason: 'alreadyRestored' },
    ]);
  });

  it('never removes a backend someone removed and added again since (another row)', () => {
    const now = group(
      [
        [a, 50, 1],
        [b, 20, 9],
      ],
      [['192.168.2.1', 100, 8]],
    );
    const plan = planBackendUndo(undoBackendWrite(add, before, after), now);
    expect(plan.write).toMatchObject({ vmNicUuids: [], serverIps: ['192.168.2.1'] });
    expect(plan.skipped).toEqual([{ key: { kind: 'nic', uuid: b }, reason: 'replacedSince', weightNow: 20 }]);
  });

  it('does not count an entry the group already had (ZStack would have refused it) as added', () => {
    const undo = undoBackendWrite({ ...add, vmNics: [{ uuid: a, weight: 5 }], servers: [] }, before, after);
    expect(undo).toMatchObject({ items: [], unchanged: [{ kind: 'nic', uuid: a }] });
    expect(planBackendUndo(undo, after).write).toBeUndefined();
  });
});

describe('undo of RemoveBackendServerFromServerGroup', () => {
  const remove: BackendWrite = {
    api: 'RemoveBackendServerFromServerGroup',
    groupUuid: g,
    vmNicUuids: [a, c],
    serverIps: ['10.0.0.9'],
  };
  const before = group(
    [
      [a, 0, 1],
      [b, 40, 2],
    ],
    [['10.0.0.9', 35, 3]],
  );
  const after = group([[b, 40, 2]]);

  it('puts the removed backends back with their weights (a drained one at 0)', () => {
    const undo = undoBackendWrite(remove, before, after);
    expect(undo.unchanged).toEqual([{ kind: 'nic', uuid: c }]);
    const plan = planBackendUndo(undo, after);
    expect(toRequests(plan.write!)).toEqual([
      {
        method: 'POST',
        path: `/load-balancers/servergroups/${g}/backendservers`,
        body: {
          params: { vmNics: [{ uuid: a, weight: '0' }], servers: [{ ipAddress: '10.0.0.9', weight: '35' }] },
        },
      },
    ]);
  });

  it('leaves one added back since, a NIC that is gone, and an IP a member NIC now has', () => {
    const undo = undoBackendWrite(remove, before, after);
    const readded = planBackendUndo(
      undo,
      group([
        [b, 40, 2],
        [a, 10, 4],
      ]),
    );
    expect(readded.skipped).toEqual([{ key: { kind: 'nic', uuid: a }, reason: 'addedSince', weightNow: 10 }]);
    expect(readded.write).toMatchObject({ vmNics: [], servers: [{ ipAddress: '10.0.0.9', weight: 35 }] });
    const gone = planBackendUndo(undo, after, { nicExists: (u) => u !== a, nicIps: new Set(['10.0.0.9']) });
    expect(gone.skipped.map((s) => s.reason)).toEqual(['nicGone', 'ipTaken']);
    expect(gone.write).toBeUndefined();
  });

  it('matches server IPs as ZStack does, whatever their case', () => {
    const v6 = undoBackendWrite(
      { ...remove, vmNicUuids: [], serverIps: ['FD00::5'] },
      group([], [['fd00::5', 60]]),
      group([]),
    );
    expect(planBackendUndo(v6, group([])).write).toMatchObject({
      servers: [{ ipAddress: 'FD00::5', weight: 60 }],
    });
  });
});

describe('undo of ChangeLoadBalancerBackendServer', () => {
  const change: BackendWrite = {
    api: 'ChangeLoadBalancerBackendServer',
    groupUuid: g,
    vmNics: [
      { uuid: a, weight: 0 },
      { uuid: b, weight: 40 },
    ],
    servers: [],
  };
  const before = group([
    [a, 80, 1],
    [b, 40, 2],
  ]);
  const after = group([
    [a, 0, 1],
    [b, 40, 2],
  ]);

  it('sets the changed weights back (drain undone), not the ones it left as they were', () => {
    const undo = undoBackendWrite(change, before, after);
    expect(undo.unchanged).toEqual([{ kind: 'nic', uuid: b }]);
    expect(toRequests(planBackendUndo(undo, after).write!)).toEqual([
      {
        method: 'PUT',
        path: `/load-balancers/servergroups/${g}/backendserver/actions`,
        body: { changeLoadBalancerBackendServer: { vmNics: [{ uuid: a, weight: '80' }] } },
      },
    ]);
  });

  it('does not overwrite a weight someone set since', () => {
    const plan = planBackendUndo(
      undoBackendWrite(change, before, after),
      group([
        [a, 25, 1],
        [b, 40, 2],
      ]),
    );
    expect(plan.write).toBeUndefined();
    expect(plan.skipped).toEqual([
      { key: { kind: 'nic', uuid: a }, reason: 'weightChangedSince', weightNow: 25 },
    ]);
  });
});

describe('undo of group membership', () => {
  it('takes out only the virtual IDs the add made members', () => {
    const undo = undoMemberWrite(
      { api: 'AddIAM2VirtualIDsToGroup', groupUuid: g, virtualIDUuids: [a, b] },
      new Set([a]),
    );
    expect(undo.unchanged).toEqual([a]);
    const plan = planMemberUndo(undo, new Set([a, b]));
    expect(toRequests(plan.write!)).toEqual([
      { method: 'DELETE', path: `/iam2/projects/groups/${g}/virtual-ids`, query: { virtualIDUuids: [b] } },
    ]);
  });

  it('brings back the members a remove took out, unless ZStack would refuse them', () => {
    const undo = undoMemberWrite(
      { api: 'RemoveIAM2VirtualIDsFromGroup', groupUuid: g, virtualIDUuids: [a, b, c, 'd'.repeat(32)] },
      new Set([a, b, c, 'd'.repeat(32)]),
    );
    const virtualIds = new Map([
      [a, { state: 'Enabled', inProject: true }],
      [b, { state: 'Staled', inProject: true }],
      [c, { state: 'Enabled', inProject: false }],
    ]);
    const plan = planMemberUndo(undo, new Set(), { virtualIds });
    expect(plan.write).toEqual({ api: 'AddIAM2VirtualIDsToGroup', groupUuid: g, virtualIDUuids: [a] });
    expect(plan.skipped.map((s) => [s.key, s.reason])).toEqual([
      [b, 'virtualIdStaled'],
      [c, 'notInProject'],
      ['d'.repeat(32), 'virtualIdGone'],
    ]);
    expect(toRequests(plan.write!)[0]).toEqual({
      method: 'POST',
      path: `/iam2/projects/groups/${g}/virtual-ids`,
      body: { params: { virtualIDUuids: [a] } },
    });
  });

  it('leaves a member someone already put back or took out', () => {
    const undo = undoMemberWrite(
      { api: 'RemoveIAM2VirtualIDsFromGroup', groupUuid: g, virtualIDUuids: [a] },
      new Set([a]),
    );
    expect(planMemberUndo(undo, new Set([a]))).toMatchObject({
      write: undefined,
      skipped: [{ key: a, reason: 'alreadyRestored' }],
      changedSince: true,
    });
  });
});

describe('the writes on the wire', () => {
  it('splits a DELETE of many members into requests whose lines stay under 8 KB', () => {
    const uuids = Array.from({ length: 1_000 }, (_, i) => i.toString(16).padStart(32, '0'));
    const requests = toRequests({
      api: 'RemoveIAM2VirtualIDsFromGroup',
      groupUuid: g,
      virtualIDUuids: uuids,
    });
    expect(requests.length).toBeGreaterThan(1);
    for (const r of requests) {
      const qs = new URLSearchParams(
        (r.query as { virtualIDUuids: string[] }).virtualIDUuids.map((u) => ['virtualIDUuids', u]),
      );
      expect(`DELETE /zstack/v1${r.path}?${qs} HTTP/1.1`.length).toBeLessThanOrEqual(8192);
    }
    expect(requests.flatMap((r) => (r.query as { virtualIDUuids: string[] }).virtualIDUuids)).toEqual(uuids);
  });

  it('reads each write back from what the API log keeps of it', () => {
    const writes: Write[] = [
      {
        api: 'AddBackendServerToServerGroup',
        groupUuid: g,
        vmNics: [{ uuid: a, weight: 20 }, { uuid: c }],
        servers: [{ ipAddress: '10.0.0.1', weight: 0 }],
      },
      { api: 'RemoveBackendServerFromServerGroup', groupUuid: g, vmNicUuids: [a], serverIps: [] },
      {
        api: 'ChangeLoadBalancerBackendServer',
        groupUuid: g,
        vmNics: [],
        servers: [{ ipAddress: '10.0.0.1', weight: 9 }],
      },
      { api: 'AddIAM2VirtualIDsToGroup', groupUuid: g, virtualIDUuids: [a, b] },
      { api: 'RemoveIAM2VirtualIDsFromGroup', groupUuid: g, virtualIDUuids: [a, b] },
    ];
    for (const w of writes) {
      const [r] = toRequests(w);
      const query = r!.query
        ? new URLSearchParams(
            (r!.query as { virtualIDUuids: string[] }).virtualIDUuids.map((u) => ['virtualIDUuids', u]),
          ).toString()
        : '';
      expect(writeOf(r!.method, `/zstack/v1${r!.path}`, r!.body, query)).toEqual(w);
    }
    expect(writeOf('GET', '/zstack/v1/vips', undefined, '')).toBeUndefined();
  });

  it('offers Undo from the API log only for a write that succeeded and whose body it kept', () => {
    const log = new ApiLogStore({ wholeBodyBudget: 200, previewChars: 10 });
    const url = `/zstack/v1/iam2/projects/groups/${g}/virtual-ids`;
    const ok = log.begin({ method: 'POST', url, body: { params: { virtualIDUuids: [a] } }, jobUuid: c });
    log.jobDone(ok, {});
    const failed = log.begin({ method: 'POST', url, body: { params: { virtualIDUuids: [a] } }, jobUuid: c });
    log.failed(failed, { code: 'SYS.1006', status: 503 });
    const big = log.begin({
      method: 'POST',
      url,
      body: { params: { virtualIDUuids: Array(9).fill(a) } },
      jobUuid: c,
    });
    log.jobDone(big, {});
    expect(writeOfEntry(log.get(ok)!)).toEqual({
      api: 'AddIAM2VirtualIDsToGroup',
      groupUuid: g,
      virtualIDUuids: [a],
    });
    expect(writeOfEntry(log.get(failed)!)).toBeUndefined();
    expect(writeOfEntry(log.get(big)!)).toBeUndefined();
  });
});
