import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { activate } from '../../i18n/i18n';
import { noun } from '../../lib/plural';
import { render } from '../../test/render';
import { MembersTable } from './MembersTable';
import type { CountedNoun } from './noun';
import { useSelection } from './useSelection';
import { useTableState } from './useTableState';

interface Row {
  id: string;
  name: string;
}
const rows: Row[] = Array.from({ length: 301 }, (_, i) => ({
  id: `r${i}`,
  name: `vid-${String(i).padStart(3, '0')}`,
}));

/** A table over 301 rows held in memory, filtered and sorted as a feature would. */
function Table({ what = noun('member') }: { what?: CountedNoun }) {
  const state = useTableState({ key: 'name', direction: 'asc' });
  const { page, pageSize, sort, filter } = state.query;
  const matching = rows
    .filter((r) => r.name.includes(filter))
    .sort((a, b) => (sort.direction === 'asc' ? 1 : -1) * a.name.localeCompare(b.name));
  const selection = useSelection<Row>((r) => r.id, filter);
  const [removed, setRemoved] = useState('');
  return (
    <>
      <MembersTable<Row>
        label="Members"
        noun={what}
        columns={[{ key: 'name', header: 'Name', width: 200, sortable: true, render: (r) => r.name }]}
        rowKey={(r) => r.id}
        rowLabel={(r) => r.name}
        read={{
          data: { rows: matching.slice(page * pageSize, (page + 1) * pageSize), total: matching.length },
          isFetching: false,
          error: null,
          refetch: () => undefined,
        }}
        errorAction="load the members"
        refreshAction="refresh the members"
        state={state}
        selection={selection}
        bulkActions={<button onClick={() => setRemoved(String(selection.count))}>Remove selected</button>}
        filterLabel="Filter members by name"
        empty={{ title: 'No members yet', text: 'None' }}
      />
      <output role="status" aria-label="removing">
        {removed}
      </output>
    </>
  );
}

describe('MembersTable', () => {
  it('selects every one of 301 rows in one action once the page is selected, and takes one out again', async () => {
    render(<Table />);
    const table = screen.getByRole('table', { name: 'Members' });
    await userEvent.click(within(table).getByRole('checkbox', { name: 'Select all on this page' }));
    expect(screen.getByText('20 members selected')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Select all 301 members' }));
    expect(screen.getByText(/301 members selected/)).toBeInTheDocument();
    // another page's rows are selected too
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    const row = within(table).getByRole('checkbox', { name: 'Select vid-020' });
    expect(row).toBeChecked();
    await userEvent.click(row);
    expect(screen.getByText(/300 members selected/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Remove selected' }));
    expect(screen.getByRole('status', { name: 'removing' })).toHaveTextContent('300');
  });

  it('selects all matching a filter only, and forgets that selection when the filter changes', async () => {
    render(<Table />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Filter members by name' }), 'vid-1');
    expect(await screen.findByText('1–20 of 100 members matching “vid-1”')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all on this page' }));
    await userEvent.click(screen.getByRole('button', { name: 'Select all 100 members matching “vid-1”' }));
    expect(screen.getByText(/100 members selected/)).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: 'Filter members by name' }), '0');
    expect(await screen.findByText('1–10 of 10 members matching “vid-10”')).toBeInTheDocument();
    expect(screen.queryByText(/members selected/)).not.toBeInTheDocument();
  });

  it('sorts by a column, the other way round on a second click, and shows 50 rows when asked', async () => {
    render(<Table />);
    const table = screen.getByRole('table', { name: 'Members' });
    const header = within(table).getByRole('columnheader', { name: 'Name' });
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(within(header).getByRole('button', { name: 'Name' }));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('vid-300');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '50 per page');
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('1–50 of 301 members')).toBeInTheDocument();
  });

  it("words its counts, pages and selection in 简体中文 after a switch, with the noun's own count", async () => {
    const member: CountedNoun = { one: '成员', many: '成员', count: (n) => `${n} 个成员` };
    render(<Table what={member} />);
    expect(screen.getByText('1–20 of 301 个成员')).toBeInTheDocument();
    await act(() => activate('zh-CN'));
    expect(screen.getByText('第 1–20 个，共 301 个成员')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '每页行数' })).toHaveDisplayValue('每页 20 行');
    await userEvent.click(screen.getByRole('checkbox', { name: '选择本页全部' }));
    expect(screen.getByText('已选择 20 个成员')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '选择全部 301 个成员' }));
    expect(screen.getByText('已选择 301 个成员（全部成员）')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下一页' })).toBeEnabled();
  });
});
