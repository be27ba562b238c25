import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../queryClient';
import type { AsyncRequest } from '../jobs';
import { setSessionId } from '../session';
import { useJobMutation, type JobOutcome } from '../useJobMutation';
import { fakeFetch, json, text, type Call } from '../../test/fakeFetch';
import { planBackendUndo } from './backends';
import { planMemberUndo } from './members';
import { undoRecords, UndoStore, type UndoRecord } from './records';

afterEach(() => {
  vi.unstubAllGlobals();
  undoRecords.clear();
});

const g = 'c'.repeat(32);
const nic = 'a'.repeat(32);
const [bob, carol] = ['b'.repeat(32), 'd'.repeat(32)];
const sg = `/load-balancers/servergroups/${g}`;
const group = (weight: number) => ({
  uuid: g,
  name: 'web-pool',
  vmNicRefs: [{ id: 1, vmNicUuid: nic, weight }],
  serverIps: [],
});

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={createQueryClient()}>{children}</QueryClientProvider>
);

/** ZStack as the layer meets it: reads answer `read`, every write's job ends with `result`. */
function zstack(read: (call: Call) => Response, result: unknown = {}) {
  return fakeFetch((call) => {
    if (call.method === 'GET' && call.url.includes('/api-jobs/')) return json(200, result);
    if (call.method === 'GET') return read(call);
    return json(202, { location: `/zstack/v1/api-jobs/${call.headers['X-Job-UUID']}` });
  });
}

function run(requests: AsyncRequest[], undoable?: boolean) {
  setSessionId('e'.repeat(32));
  const outcomes: JobOutcome[] = [];
  const { result } = renderHook(
    () =>
      useJobMutation<null>({
        request: () => requests,
        invalidates: () => [['server-groups', 'detail', g]],
        onSuccess: (_r, _v, outcome) => outcomes.push(outcome),
        undoable,
      }),
    { wrapper },
  );
  act(() => result.current.submit(null));
  return { result, outcomes };
}

describe('the mutation layer records undoable writes', () => {
  it('reads the weights before a weight change (a drain to 0), then sends it; the record sets them back', async () => {
    const { calls } = zstack(() => json(200, { inventories: [group(60)] }), { inventory: group(0) });
    const { result, outcomes } = run([
      {
        method: 'PUT',
        path: `${sg}/backendserver/actions`,
        body: { changeLoadBalancerBackendServer: { vmNics: [{ uuid: nic, weight: '0' }] } },
      },
    ]);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls.map((c) => `${c.method} ${c.url.split('?')[0]}`).slice(0, 2)).toEqual([
      `GET /zstack/v1${sg}`,
      `PUT /zstack/v1${sg}/backendserver/actions`,
    ]);
    const record = undoRecords.get(outcomes[0]!.undoId!)!;
    expect(record.id).toBe(calls[1]!.headers['X-Job-UUID']);
    expect(record.invalidates).toEqual([['server-groups', 'detail', g]]);
    expect(record.data.kind).toBe('backends');
    if (record.data.kind !== 'backends') return;
    expect(planBackendUndo(record.data.undo, group(0)).write).toEqual({
      api: 'ChangeLoadBalancerBackendServer',
      groupUuid: g,
      vmNics: [{ uuid: nic, weight: 60 }],
      servers: [],
    });
  });

  it('a membership change in several calls is one record, and only the virtual IDs it changed count', async () => {
    // bob was a member before; carol was not
    const { calls } = zstack(() => json(200, { inventories: [{ uuid: bob, name: 'bob' }] }));
    const path = `/iam2/projects/groups/${g}/virtual-ids`;
    const { result, outcomes } = run([
      { method: 'DELETE', path, query: { virtualIDUuids: [bob] } },
      { method: 'DELETE', path, query: { virtualIDUuids: [carol] } },
    ]);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const read = new URL(calls[0]!.url, 'http://x').searchParams.getAll('q');
    expect(read).toEqual([`groups.uuid=${g}`, `uuid?=${bob},${carol}`]);
    const record = undoRecords.get(outcomes[0]!.undoId!)!;
    const deletes = calls.filter((c) => c.method === 'DELETE');
    expect(record.jobUuids).toEqual(deletes.map((c) => c.headers['X-Job-UUID']));
    if (record.data.kind !== 'members') throw new Error('not a membership record');
    expect(planMemberUndo(record.data.undo, new Set()).write).toEqual({
      api: 'AddIAM2VirtualIDsToGroup',
      groupUuid: g,
      virtualIDUuids: [bob],
    });
  });

  it('an add reads nothing first: ZStack refuses a backend already in the group', async () => {
    const after = { ...group(100), vmNicRefs: [{ id: 7, vmNicUuid: nic, weight: 100 }] };
    const { calls } = zstack(() => json(500, {}), { inventory: after });
    const { result, outcomes } = run([
      { method: 'POST', path: `${sg}/backendservers`, body: { params: { vmNics: [{ uuid: nic }] } } },
    ]);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls[0]!.method).toBe('POST');
    const record = undoRecords.get(outcomes[0]!.undoId!)!;
    if (record.data.kind !== 'backends') throw new Error('not a backend record');
    expect(record.data.undo.items).toEqual([
      {
        key: { kind: 'nic', uuid: nic },
        before: { present: false },
        after: { present: true, weight: 100, id: 7 },
      },
    ]);
  });

  it('a write not confirmed at first is recorded once "check again" finds it done', async () => {
    let polls = 0;
    fakeFetch((call) => {
      if (call.method === 'GET' && call.url.includes('/api-jobs/'))
        return (polls += 1) <= 5 ? text(200, 'not json') : json(200, { inventory: group(0) });
      if (call.method === 'GET') return json(200, { inventories: [group(60)] });
      return json(202, { location: `/zstack/v1/api-jobs/${call.headers['X-Job-UUID']}` });
    });
    const { result, outcomes } = run([
      {
        method: 'PUT',
        path: `${sg}/backendserver/actions`,
        body: { changeLoadBalancerBackendServer: { vmNics: [{ uuid: nic, weight: '0' }] } },
      },
    ]);
    await waitFor(() => expect(result.current.checkAgain).toBeDefined());
    act(() => result.current.checkAgain!());
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    const record = undoRecords.get(outcomes[0]!.undoId!)!;
    if (record.data.kind !== 'backends') throw new Error('not a backend record');
    expect(record.data.undo.items[0]).toMatchObject({ before: { weight: 60 }, after: { weight: 0 } });
  });

  it('a failed read leaves the write without an undo, and the write goes on', async () => {
    const { calls } = zstack(() => json(503, { error: { code: 'SYS.1006', description: 'x' } }));
    const { result, outcomes } = run([
      {
        method: 'PUT',
        path: `${sg}/backendservers/actions`,
        body: { removeBackendServerFromServerGroup: { vmNicUuids: [nic] } },
      },
    ]);
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls.some((c) => c.method === 'PUT')).toBe(true);
    expect(outcomes[0]!.undoId).toBeUndefined();
    expect(undoRecords.getSnapshot()).toEqual([]);
  });

  it('keeps no record of the undo itself, nor of a call that is not one of the five writes', async () => {
    const { calls } = zstack(() => json(200, { inventories: [group(60)] }));
    const undo = run(
      [
        {
          method: 'PUT',
          path: `${sg}/backendservers/actions`,
          body: { removeBackendServerFromServerGroup: { vmNicUuids: [nic] } },
        },
      ],
      false,
    );
    await waitFor(() => expect(undo.result.current.isSuccess).toBe(true));
    const other = run([{ method: 'PUT', path: '/accounts/actions', body: { updateAccount: {} } }]);
    await waitFor(() => expect(other.result.current.isSuccess).toBe(true));
    expect(calls.filter((c) => c.method === 'GET' && !c.url.includes('/api-jobs/'))).toEqual([]);
    expect([undo.outcomes[0]!.undoId, other.outcomes[0]!.undoId]).toEqual([undefined, undefined]);
  });
});

describe('UndoStore', () => {
  const record = (id: string): UndoRecord => ({
    id,
    at: 0,
    jobUuids: [id, `${id}-2`],
    invalidates: [],
    data: {
      kind: 'members',
      undo: {
        of: { api: 'AddIAM2VirtualIDsToGroup', groupUuid: g, virtualIDUuids: [] },
        groupUuid: g,
        items: [],
        unchanged: [],
      },
    },
  });

  it('keeps the newest records up to its cap, finds one by any of its jobs, and forgets them all', () => {
    const store = new UndoStore(2);
    const seen = vi.fn();
    store.subscribe(seen);
    ['1', '2', '3'].forEach((id) => store.add(record(id)));
    expect(store.getSnapshot().map((r) => r.id)).toEqual(['3', '2']);
    expect(store.byJob('2-2')?.id).toBe('2');
    store.markUndone('2', ['u']);
    expect(store.get('2')?.undoneBy).toEqual(['u']);
    store.clear();
    expect(store.getSnapshot()).toEqual([]);
    expect(seen).toHaveBeenCalledTimes(5);
  });
});
