import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { translate } from '../../i18n/i18n';
import { fakeFetch, json } from '../../test/fakeFetch';
import { render } from '../../test/render';
import { undoRecords, type UndoRecord } from '../../api/undo/records';
import { endSession } from '../../session/store';
import { UndoDialog } from './UndoDialog';
import './UndoHost';

afterEach(() => vi.unstubAllGlobals());

const g = 'c'.repeat(32);
const nic = 'a'.repeat(32);
const vm = 'f'.repeat(32);

/** An add of web-2's NIC to a group (ZStack gave the new row id 7). */
const record: UndoRecord = {
  id: 'j'.repeat(32),
  at: 0,
  jobUuids: ['j'.repeat(32)],
  invalidates: [],
  data: {
    kind: 'backends',
    undo: {
      of: { api: 'AddBackendServerToServerGroup', groupUuid: g, vmNics: [{ uuid: nic }], servers: [] },
      groupUuid: g,
      items: [
        {
          key: { kind: 'nic', uuid: nic },
          before: { present: false },
          after: { present: true, weight: 100, id: 7 },
        },
      ],
      unchanged: [],
    },
  },
};

/** ZStack now: the group as `refs`; the undo's own job fails with SYS.1006. */
function zstack(refs: { id: number; vmNicUuid: string; weight: number }[]) {
  return fakeFetch((call) => {
    const path = new URL(call.url, 'http://x').pathname;
    if (call.method === 'PUT')
      return json(202, { location: `/zstack/v1/api-jobs/${call.headers['X-Job-UUID']}` });
    if (path.includes('/api-jobs/'))
      return json(503, { error: { code: 'SYS.1006', description: 'An operation failed', details: 'boom' } });
    if (path.endsWith(`/servergroups/${g}`))
      return json(200, { inventories: [{ uuid: g, name: 'web-pool', vmNicRefs: refs, serverIps: [] }] });
    if (path.endsWith('/vm-instances/nics'))
      return json(200, { inventories: [{ uuid: nic, ip: '10.0.0.12', vmInstanceUuid: vm }] });
    if (path.endsWith('/vm-instances')) return json(200, { inventories: [{ uuid: vm, name: 'web-2' }] });
    return json(404, {});
  });
}

describe('UndoDialog', () => {
  it('sends the inverse at once when nothing changed since, and shows its failure inline with ZStack’s error', async () => {
    const { calls } = zstack([{ id: 7, vmNicUuid: nic, weight: 100 }]);
    render(<UndoDialog record={record} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog', { name: translate('undo.title') });
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('SYS.1006');
    expect(alert).toHaveTextContent('boom');
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { removeBackendServerFromServerGroup: { vmNicUuids: [nic] } },
    ]);
    // what it tried stays listed, and it can be tried again
    expect(within(dialog).getByRole('listitem')).toHaveTextContent(
      translate('undo.will.remove', { what: translate('undo.what.nic', { label: 'web-2 (10.0.0.12)' }) }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: translate('undo.confirm', { count: 1 }) }),
    );
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
  });

  it('sends nothing when everything was changed since: says there is nothing to undo', async () => {
    // removed and added again since (another row): not what the add added
    const { calls } = zstack([{ id: 9, vmNicUuid: nic, weight: 100 }]);
    render(<UndoDialog record={record} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog', { name: translate('undo.title') });
    expect(await within(dialog).findByText(translate('undo.nothingToUndo'))).toBeVisible();
    expect(within(dialog).getByRole('listitem')).toHaveTextContent(
      translate('undo.skip.replacedSince', {
        what: translate('undo.what.nic', { label: 'web-2 (10.0.0.12)' }),
      }),
    );
    expect(within(dialog).queryByRole('button', { name: /^Undo/ })).toBeNull();
    expect(calls.some((c) => c.method !== 'GET')).toBe(false);
  });
});

describe('undo records', () => {
  it('are forgotten at logout', () => {
    undoRecords.add(record);
    expect(undoRecords.byJob(record.id)).toBe(record);
    endSession();
    expect(undoRecords.getSnapshot()).toEqual([]);
  });
});
