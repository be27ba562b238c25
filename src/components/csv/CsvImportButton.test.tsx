import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { render } from '../../test/render';
import { CsvImportButton } from './CsvImportButton';
import type { ImportPreview } from './preview';

const preview: ImportPreview<string> = {
  rows: ['a', 'b'],
  problems: [{ line: 3, value: 'x, 7', key: 'csv.row.badWeight', detail: '7x' }],
  alreadyMembers: 0,
  total: 3,
};

function Subject({ check = vi.fn(async () => preview), onStage = vi.fn() }) {
  return (
    <CsvImportButton<string>
      label="Import CSV: things"
      title="Import things"
      help="One thing a row."
      check={check}
      onStage={onStage}
    />
  );
}

describe('CSV import dialog', () => {
  it('refuses a file that is not UTF-8 and keeps the text typed; says when there is nothing to check', async () => {
    const user = userEvent.setup();
    const check = vi.fn(async () => preview);
    const { container } = render(<Subject check={check} />);
    await user.click(screen.getByRole('button', { name: 'Import CSV: things' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import things' });
    await user.click(within(dialog).getByRole('button', { name: 'Check rows' }));
    expect(within(dialog).getByText('Paste CSV text or choose a file first.')).toBeVisible();
    expect(check).not.toHaveBeenCalled();

    const text = within(dialog).getByRole('textbox', { name: 'CSV text' });
    await user.type(text, 'web-1,10.0.0.11');
    const gbk = new File([new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0x2c, 0x31])], 'gbk.csv', {
      type: 'text/csv',
    });
    const input = container.ownerDocument.querySelector<HTMLInputElement>('input[type=file]')!;
    await user.upload(input, gbk);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The file is not UTF-8 text.');
    expect(text).toHaveValue('web-1,10.0.0.11');
  });

  it('shows the counts and each failed row, stages only on request, and keeps the text after a cancel', async () => {
    const user = userEvent.setup();
    const onStage = vi.fn();
    const check = vi.fn(async () => preview);
    render(<Subject check={check} onStage={onStage} />);
    await user.click(screen.getByRole('button', { name: 'Import CSV: things' }));
    let dialog = await screen.findByRole('dialog', { name: 'Import things' });
    await user.type(within(dialog).getByRole('textbox', { name: 'CSV text' }), 'a{enter}b{enter}x,7x');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Import CSV: things' }));
    dialog = await screen.findByRole('dialog', { name: 'Import things' });
    expect(within(dialog).getByRole('textbox', { name: 'CSV text' })).toHaveValue('a\nb\nx,7x');
    expect(within(dialog).getByRole('button', { name: 'Nothing to stage' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Check rows' }));
    expect(await within(dialog).findByRole('group', { name: 'Resolved: 2' })).toBeVisible();
    expect(within(dialog).getByRole('group', { name: 'Failed: 1' })).toBeVisible();
    expect(within(dialog).getByRole('group', { name: 'Already members: 0' })).toBeVisible();
    const row = within(
      within(dialog).getByRole('table', { name: 'Rows that will not be staged' }),
    ).getAllByRole('row')[1]!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', 'x, 7', 'Weight "7x" is not a whole number from 0 to 100']);
    expect(onStage).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Stage 2 rows' }));
    expect(onStage).toHaveBeenCalledWith(['a', 'b']);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
