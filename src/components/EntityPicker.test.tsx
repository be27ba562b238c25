import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { render } from '../test/render';
import { EntityPicker, type PickerPage } from './EntityPicker';

interface Item {
  uuid: string;
  name: string;
  state: string;
}
const all: Item[] = Array.from({ length: 50 }, (_, i) => ({
  uuid: `u${i}`,
  name: `vm-${String(i).padStart(3, '0')}`,
  state: i === 3 ? 'Disabled' : 'Enabled',
}));

function searchFn() {
  return vi.fn(async (text: string): Promise<PickerPage<Item>> => {
    const matches = all.filter((i) => i.name.includes(text));
    return { items: matches.slice(0, 5), total: matches.length };
  });
}

function Multi({ search }: { search: ReturnType<typeof searchFn> }) {
  const [value, setValue] = useState<Item[]>([]);
  return (
    <EntityPicker<Item>
      multiple
      label="Virtual IDs"
      queryKey={['test-multi']}
      search={search}
      itemKey={(i) => i.uuid}
      itemLabel={(i) => i.name}
      itemDisabledReason={(i) => (i.state === 'Disabled' ? 'Disabled' : undefined)}
      value={value}
      onChange={setValue}
      debounceMs={0}
    />
  );
}

describe('EntityPicker', () => {
  it('searches on the server with what was typed and shows one page with the total', async () => {
    const search = searchFn();
    render(<Multi search={search} />);
    const input = screen.getByRole('combobox', { name: 'Virtual IDs' });
    await userEvent.type(input, 'vm-01');
    await waitFor(() => expect(search).toHaveBeenLastCalledWith('vm-01', expect.anything()));
    expect(await screen.findByRole('option', { name: 'vm-010' })).toBeInTheDocument();
    expect(screen.getAllByRole('option')).toHaveLength(5);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 5 of 10');
  });

  it('adds chosen items as removable pills and keeps disabled ones unselectable', async () => {
    const search = searchFn();
    render(<Multi search={search} />);
    const input = screen.getByRole('combobox', { name: 'Virtual IDs' });
    await userEvent.click(input);
    await userEvent.click(await screen.findByRole('option', { name: /vm-001/ }));
    await userEvent.click(screen.getByRole('option', { name: /vm-003/ }));
    expect(screen.getByRole('button', { name: 'Remove vm-001' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove vm-003' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Remove vm-001' }));
    expect(screen.queryByRole('button', { name: 'Remove vm-001' })).not.toBeInTheDocument();
  });

  it('shows the chosen item in a single picker', async () => {
    const onChange = vi.fn();
    const search = searchFn();
    render(
      <EntityPicker<Item>
        label="Server group"
        queryKey={['test-single']}
        search={search}
        itemKey={(i: Item) => i.uuid}
        itemLabel={(i: Item) => i.name}
        value={all[7]!}
        onChange={onChange}
        debounceMs={0}
      />,
    );
    expect(screen.getByRole('combobox', { name: 'Server group' })).toHaveValue('vm-007');
    await userEvent.click(screen.getByRole('combobox', { name: 'Server group' }));
    await userEvent.click(await screen.findByRole('option', { name: 'vm-002' }));
    expect(onChange).toHaveBeenCalledWith(all[2]);
  });
});
