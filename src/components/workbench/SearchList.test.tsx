import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ZStackError } from '../../api/errors';
import { render } from '../../test/render';
import type { PickerPage } from './pickerSearch';
import { SearchList } from './SearchList';

interface Item {
  uuid: string;
  name: string;
  member?: boolean;
}
const all: Item[] = ['api-1', 'web-1', 'web-2', 'web-3'].map((name, i) => ({
  uuid: `u${i}`,
  name,
  member: name === 'web-1',
}));
const search = vi.fn(async (text: string): Promise<PickerPage<Item>> => {
  const items = all.filter((i) => i.name.includes(text));
  return { items, total: items.length };
});

function Chooser({
  onSubmit = () => undefined,
  find = search,
}: {
  onSubmit?: () => void;
  find?: typeof search;
}) {
  const [chosen, setChosen] = useState<Item[]>([]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <SearchList<Item>
        label="VM NICs"
        queryKey={['test', find === search ? 'ok' : 'failing']}
        search={find}
        itemKey={(i) => i.uuid}
        itemText={(i) => ({ primary: i.name })}
        itemDisabledReason={(i) => (i.member ? 'Already in this group' : undefined)}
        chosen={new Set(chosen.map((i) => i.uuid))}
        onToggle={(i, on) => setChosen((c) => (on ? [...c, i] : c.filter((x) => x.uuid !== i.uuid)))}
        emptyText="No match"
        searchAction="search VM NICs"
        debounceMs={0}
      />
      <output aria-label="chosen" role="status">
        {chosen.map((i) => i.name).join(',')}
      </output>
    </form>
  );
}

describe('SearchList', () => {
  it('keeps the search after a choice with the keyboard: the next ↓ Enter picks the next match', async () => {
    render(<Chooser />);
    const box = screen.getByRole('combobox', { name: 'VM NICs' });
    await userEvent.type(box, 'web');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    await userEvent.keyboard('{ArrowDown}{Enter}');
    // web-1 is a member: the arrow passes over it
    expect(screen.getByRole('status', { name: 'chosen' })).toHaveTextContent('web-2');
    expect(box).toHaveValue('web');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole('status', { name: 'chosen' })).toHaveTextContent('web-2,web-3');
    expect(box).toHaveValue('web');
    expect(screen.getByRole('option', { name: /^web-2/ })).toHaveAttribute('aria-selected', 'true');
  });

  it('offers a member, marked, and does not take it when clicked', async () => {
    render(<Chooser />);
    const member = await screen.findByRole('option', { name: /^web-1/ });
    expect(member).toHaveTextContent('Already in this group');
    await userEvent.click(member);
    expect(screen.getByRole('status', { name: 'chosen' })).toHaveTextContent('');
  });

  it('never submits the form around it on Enter', async () => {
    const onSubmit = vi.fn();
    render(<Chooser onSubmit={onSubmit} />);
    await userEvent.type(screen.getByRole('combobox', { name: 'VM NICs' }), 'zzz{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("shows a failed search's code, description and details in place of the list", async () => {
    const failing = vi.fn(async (): Promise<PickerPage<Item>> => {
      throw new ZStackError(
        { code: 'CONSOLE.HTTP', description: 'HTTP 414', details: 'Request-URI Too Large' },
        414,
      );
    });
    render(<Chooser find={failing} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not search VM NICs');
    expect(screen.getByTestId('error-code')).toHaveTextContent('CONSOLE.HTTP');
    expect(screen.getByTestId('error-description')).toHaveTextContent('HTTP 414');
    expect(screen.getByTestId('error-details')).toHaveTextContent('Request-URI Too Large');
  });
});
