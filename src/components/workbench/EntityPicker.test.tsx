import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { render } from '../../test/render';
import { EntityPicker } from './EntityPicker';
import type { PickerPage } from './pickerSearch';

interface Item {
  uuid: string;
  name: string;
}
const all: Item[] = Array.from({ length: 50 }, (_, i) => ({
  uuid: `u${i}`,
  name: `grp-${String(i).padStart(3, '0')}`,
}));
const search = vi.fn(async (text: string): Promise<PickerPage<Item>> => {
  const matches = all.filter((i) => i.name.includes(text));
  return { items: matches.slice(0, 5), total: matches.length };
});

function Picker({ value, onChange = () => undefined }: { value: Item | null; onChange?: (i: Item) => void }) {
  return (
    <EntityPicker<Item>
      label="Group"
      queryKey={['test-single']}
      search={search}
      itemKey={(i) => i.uuid}
      itemText={(i) => ({ primary: i.name })}
      value={value}
      onChange={onChange}
      searchAction="search groups"
      debounceMs={0}
    />
  );
}

describe('EntityPicker', () => {
  it('searches on the server with what was typed and shows one page with the total', async () => {
    render(<Picker value={null} />);
    await userEvent.type(screen.getByRole('combobox', { name: 'Group' }), 'grp-01');
    await waitFor(() => expect(search).toHaveBeenLastCalledWith('grp-01', expect.anything()));
    expect(await screen.findByRole('option', { name: 'grp-010' })).toBeInTheDocument();
    expect(screen.getAllByRole('option')).toHaveLength(5);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 5 of 10');
  });

  it('keeps what the admin is typing when the page sets a value meanwhile (a late preselection)', async () => {
    const { rerender } = render(<Picker value={null} />);
    const box = screen.getByRole('combobox', { name: 'Group' });
    await userEvent.type(box, 'onc');
    rerender(<Picker value={all[7]!} />);
    expect(box).toHaveValue('onc');
    await userEvent.tab();
    expect(box).toHaveValue('grp-007');
  });

  it('shows the chosen item and reports a new choice', async () => {
    const onChange = vi.fn();
    render(<Picker value={all[7]!} onChange={onChange} />);
    expect(screen.getByRole('combobox', { name: 'Group' })).toHaveValue('grp-007');
    await userEvent.click(screen.getByRole('combobox', { name: 'Group' }));
    await userEvent.click(await screen.findByRole('option', { name: 'grp-002' }));
    expect(onChange).toHaveBeenCalledWith(all[2]);
  });
});
