import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { render } from '../../test/render';
import { fakeFetch, json } from '../../test/fakeFetch';
import { capabilityKey, createQueryClient } from '../../api/queryClient';
import { apis } from '../../session/capabilities';
import { endSession, startSession } from '../../session/store';
import type { Group } from '../../api/schemas';
import { MembersSection } from './MembersSection';

const group: Group = { uuid: '9'.repeat(32), name: 'oncall', projectUuid: '1'.repeat(32) };
const all = Array.from({ length: 45 }, (_, i) => ({
  uuid: i.toString(16).padStart(32, '0'),
  name: i === 7 ? '<img src=x onerror=alert(1)>' : `member-${String(i).padStart(2, '0')}`,
  state: i === 3 ? 'Disabled' : 'Enabled',
  type: 'ZStack',
}));

function renderSection() {
  const client = createQueryClient();
  client.setQueryData(
    [...capabilityKey, 'account', 'admin', ''],
    Object.fromEntries(Object.values(apis).map((a) => [a, 'Allow'])),
  );
  return render(<MembersSection group={group} />, { client });
}

describe('MembersSection', () => {
  beforeEach(() => {
    startSession('5'.repeat(32), {
      kind: 'account',
      name: 'admin',
      accountType: 'SystemAdmin',
      loggedInAt: 0,
    });
  });
  afterEach(() => {
    endSession();
    vi.unstubAllGlobals();
  });

  it('pages the members with limit, start and replyWithCount, and keeps the selection across pages', async () => {
    const { calls } = fakeFetch((call) => {
      const url = new URL(call.url, 'http://console');
      const start = Number(url.searchParams.get('start') ?? 0);
      const limit = Number(url.searchParams.get('limit'));
      return json(200, { inventories: all.slice(start, start + limit), total: all.length });
    });
    renderSection();
    const table = await screen.findByRole('table', { name: 'Members' });
    expect(within(table).getAllByRole('checkbox', { name: /^Select member/ })).toHaveLength(19);
    // a name from the server is text, never markup
    expect(within(table).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(screen.getByText('1–20 of 45')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Select member-01' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('21–40 of 45')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select member-21' }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();

    const starts = calls.map((c) => new URL(c.url, 'http://console').searchParams.get('start'));
    expect(starts).toEqual(['0', '20']);
    const first = new URL(calls[0]!.url, 'http://console').searchParams;
    expect(first.get('limit')).toBe('20');
    expect(first.get('replyWithCount')).toBe('true');

    await userEvent.click(screen.getByRole('button', { name: 'Remove selected' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove from oncall' });
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['member-01', 'member-21']);
  });

  it('says a group without members has none yet, and what to do', async () => {
    fakeFetch(() => json(200, { inventories: [], total: 0 }));
    renderSection();
    const empty = await screen.findByRole('region', { name: 'No members' });
    expect(empty).toHaveTextContent('No members yet');
    expect(empty).toHaveTextContent('Add to group');
  });

  it('shows a failed read with ZStack’s fields and retries it', async () => {
    let fail = true;
    fakeFetch(() =>
      fail
        ? json(503, { error: { code: 'SYS.1003', description: 'Resource not found', details: 'no group' } })
        : json(200, { inventories: all.slice(0, 1), total: 1 }),
    );
    renderSection();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByTestId('error-code')).toHaveTextContent('SYS.1003');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('checkbox', { name: 'Select member-00' })).toBeInTheDocument();
  });
});
