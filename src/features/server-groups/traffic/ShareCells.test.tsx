import { screen } from '@testing-library/react';
import { render } from '../../../test/render';
import { ShareCells } from './ShareCells';
import { groupShares, type ShareListener } from './shares';

const backends = [
  { key: 'a', weight: 30 },
  { key: 'b', weight: 10 },
  { key: 'c', weight: 60, status: 'Inactive' },
];
const names = new Map([
  ['http', 'http-80'],
  ['https', 'https-443'],
  ['tcp', 'tcp-3306'],
]);
const cells = (listeners: ShareListener[], rowKey: string, downOn?: Set<string>) =>
  render(
    <ShareCells
      shares={groupShares(backends, listeners)}
      rowKey={rowKey}
      label="web-1"
      names={names}
      ready
      downOn={downOn}
    />,
  );

describe('a backend’s share of traffic', () => {
  it('is a bar of its weight’s part under weighted round robin, and one column when every listener agrees', () => {
    cells([{ uuid: 'http', algorithm: 'weightroundrobin' }], 'a');
    expect(screen.getByRole('progressbar', { name: 'Share of traffic for web-1' })).toHaveAttribute(
      'aria-valuenow',
      '75',
    );
  });

  it('is an equal split without a bar under round robin, and a line per listener when they differ', () => {
    cells(
      [
        { uuid: 'http', algorithm: 'weightroundrobin' },
        { uuid: 'https', algorithm: 'roundrobin' },
      ],
      'b',
    );
    expect(screen.getAllByRole('progressbar')).toHaveLength(1);
    expect(
      screen.getByRole('progressbar', { name: 'Share of traffic for web-1 on http-80' }),
    ).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByText('https-443')).toBeInTheDocument();
    expect(screen.getByText('50%, equal split')).toBeInTheDocument();
  });

  it('has no figure under least connections, says why an inactive backend gets nothing, and marks a failing one', () => {
    const { unmount } = cells([{ uuid: 'tcp', algorithm: 'leastconn' }], 'a');
    expect(screen.getByText('No figure')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
    unmount();
    cells([{ uuid: 'http', algorithm: 'weightroundrobin' }], 'c');
    expect(
      screen.getByText('Inactive: left out of the listener while its VM is stopped'),
    ).toBeInTheDocument();
  });

  it('says a backend failing the health check gets no traffic on that listener', () => {
    cells([{ uuid: 'http', algorithm: 'weightroundrobin' }], 'a', new Set(['http']));
    expect(screen.getByText('Failing its health check: no traffic until it passes')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
