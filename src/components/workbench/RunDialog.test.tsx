import { describe, expect, it, vi, afterEach } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { splitBySize } from '../../api/batch';
import { noun } from '../../lib/plural';
import { fakeFetch, json } from '../../test/fakeFetch';
import { render } from '../../test/render';
import { RunDialog } from './RunDialog';

afterEach(() => vi.unstubAllGlobals());

const names = Array.from({ length: 25 }, (_, i) => `vid-${i}`);

/** Each call's job succeeds, except the job of the call holding `failing` (once). */
function node(failing: string) {
  let failed = false;
  return fakeFetch((call) => {
    if (call.method === 'PUT') {
      const items = (call.body as { items: string[] }).items;
      const fail = !failed && items.includes(failing);
      failed ||= fail;
      return json(202, { location: `/zstack/v1/api-jobs/${call.headers['X-Job-UUID']}${fail ? '-x' : ''}` });
    }
    return call.url.endsWith('-x')
      ? json(503, { error: { code: 'SYS.1006', description: 'An operation failed', details: 'boom' } })
      : json(200, {});
  });
}

function Dialog({ onDone = vi.fn(), onCallDone = vi.fn() }) {
  return (
    <RunDialog<string>
      target={{ items: names }}
      noun={noun('member')}
      title="Remove from oncall"
      message={(n) => `Remove these ${n}?`}
      confirmLabel={(n) => `Remove ${n} members`}
      verb="Removing"
      action="remove members from oncall"
      itemText={(i) => i}
      plan={(items) => {
        const chunks = splitBySize(items, 10);
        return {
          chunks,
          requests: chunks.map((c) => ({ method: 'PUT' as const, path: '/x', body: { items: c } })),
        };
      }}
      invalidates={[]}
      onCallDone={onCallDone}
      onDone={onDone}
      onClose={() => undefined}
    />
  );
}

describe('RunDialog', () => {
  it('names a few of many, runs in several calls, and on a failure says exactly what was done and what was not', async () => {
    const { calls } = node('vid-15');
    const onDone = vi.fn();
    const onCallDone = vi.fn();
    render(<Dialog onDone={onDone} onCallDone={onCallDone} />);
    const dialog = await screen.findByRole('dialog', { name: 'Remove from oncall' });
    const items = within(dialog).getByRole('list', { name: 'Affected items' });
    expect(within(items).getAllByRole('listitem').at(-1)).toHaveTextContent('…and 15 members more');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove 25 members' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('SYS.1006');
    expect(alert).toHaveTextContent('Done: 10 members (vid-0, vid-1, vid-2, vid-3, vid-4 and 5 more).');
    expect(alert).toHaveTextContent(
      'Not done: 15 members (vid-10, vid-11, vid-12, vid-13, vid-14 and 10 more).',
    );
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2);
    expect(onCallDone).toHaveBeenCalledTimes(1);
    expect(onDone).not.toHaveBeenCalled();

    // going on sends only the 15 not done yet
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove 15 members' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    const bodies = calls.filter((c) => c.method === 'PUT').map((c) => (c.body as { items: string[] }).items);
    expect(bodies.slice(2).flat()).toEqual(names.slice(10));
    expect(onDone.mock.calls[0]![0]).toEqual(names);
  });
});
