import { describe, expect, it } from 'vitest';
import { englishText } from './englishText';
import {
  groupShares,
  listenerShares,
  sharesAfterChange,
  weightEffect,
  type ShareBackend,
  type ShareCell,
  type ShareListener,
} from './shares';

const b = (
  key: string,
  weight: number | null,
  status: string | null = 'Active',
  servers = 1,
): ShareBackend => ({
  key,
  weight,
  status,
  servers,
});
const listener = (uuid: string, algorithm: string | undefined, extra: Partial<ShareListener> = {}) => ({
  uuid,
  algorithm,
  ...extra,
});

/** What a cell shows: a rounded percentage, or the sentence instead of one, or nothing. */
function shown(cell: ShareCell | undefined): string {
  if (!cell) return 'missing';
  if (cell.kind === 'share')
    return `${Math.round(cell.percent * 100) / 100}%${cell.note ? ` (${englishText(cell.note)})` : ''}`;
  if (cell.kind === 'excluded') return englishText(cell.reason);
  return '—';
}
const row = (backends: readonly ShareBackend[], l: ShareListener) => {
  const r = listenerShares(backends, l);
  return Object.fromEntries(backends.map((x) => [x.key, shown(r.cells.get(x.key))]));
};
const notes = (backends: readonly ShareBackend[], l: ShareListener) =>
  listenerShares(backends, l).notes.map(englishText);

describe('weighted round robin', () => {
  it('gives each backend its weight over the sum; weight 0 gets no new connections', () => {
    const backends = [b('a', 60), b('b', 20), b('c', 20), b('d', 0)];
    expect(row(backends, listener('L', 'weightroundrobin'))).toEqual({
      a: '60%',
      b: '20%',
      c: '20%',
      d: '0% (Weight 0: no new connections)',
    });
    expect(notes(backends, listener('L', 'weightroundrobin'))[0]).toMatch(/^Weighted round robin: a backend/);
  });

  it('leaves Inactive backends out (their VM is stopped) and counts Pending ones', () => {
    const backends = [b('a', 50), b('b', 50, 'Inactive'), b('c', 50, 'Pending')];
    expect(row(backends, listener('L', 'weightroundrobin'))).toEqual({
      a: '50%',
      b: 'Inactive: left out of the listener while its VM is stopped',
      c: '50%',
    });
  });

  it('counts a dual-stack NIC as two servers, one per address', () => {
    expect(row([b('a', 50, 'Active', 2), b('b', 50)], listener('L', 'weightroundrobin'))).toEqual({
      a: '66.67%',
      b: '33.33%',
    });
  });

  it('says so when no backend can take a new connection: every weight 0', () => {
    const backends = [b('a', 0), b('b', 0)];
    expect(row(backends, listener('L', 'weightroundrobin'))).toEqual({
      a: '0% (Weight 0: no new connections)',
      b: '0% (Weight 0: no new connections)',
    });
    expect(notes(backends, listener('L', 'weightroundrobin'))).toContain(
      'No backend here can take new connections on this listener.',
    );
  });

  it('shares the listener with its other groups, and names them', () => {
    const l = listener('L', 'weightroundrobin', {
      peers: { groupNames: ['canary-pool'], weightSum: 100, servers: 1 },
    });
    expect(row([b('a', 100), b('b', 100)], l)).toEqual({ a: '33.33%', b: '33.33%' });
    expect(notes([b('a', 100)], l)).toContain(
      'The listener also serves canary-pool: shares are of everything it serves.',
    );
  });

  it('gives no figure while the other groups of the listener are not known', () => {
    const l = listener('L', 'weightroundrobin', { peers: 'unknown' });
    expect(row([b('a', 100)], l)).toEqual({ a: '—' });
    expect(listenerShares([b('a', 100)], l).mode).toBe('none');
  });

  it('shares within the group when forwarding rules route to it', () => {
    const l = listener('L', 'weightroundrobin', {
      routedByRules: true,
      peers: { groupNames: ['other'], weightSum: 300, servers: 3 },
    });
    expect(row([b('a', 30), b('b', 10)], l)).toEqual({ a: '75%', b: '25%' });
    expect(notes([b('a', 30)], l)).toContain(
      'The listener routes requests by forwarding rules: shares are of what reaches this group.',
    );
  });

  it('takes a backend failing its health check out, the others sharing its part', () => {
    const l = listener('L', 'weightroundrobin', { down: new Set(['b']) });
    expect(row([b('a', 50), b('b', 50)], l)).toEqual({
      a: '100%',
      b: 'Failing its health check: no traffic until it passes',
    });
  });
});

describe('a UDP listener (gobetween)', () => {
  it('splits by weight, but gives no figure while a backend has weight 0: gobetween then refuses every client', () => {
    const l = listener('L', 'weightroundrobin', { protocol: 'udp' });
    expect(row([b('a', 30), b('b', 10)], l)).toEqual({ a: '75%', b: '25%' });
    expect(row([b('a', 30), b('b', 0)], l)).toEqual({ a: '—', b: '—' });
    expect(notes([b('a', 30), b('b', 0)], l)[1]).toMatch(
      /^A backend has weight 0: on a UDP listener ZStack balances with gobetween/,
    );
    // an Inactive backend is not in gobetween's list: its weight does not matter
    expect(row([b('a', 30), b('b', 0, 'Inactive')], l).a).toBe('100%');
  });
});

describe('round robin', () => {
  it('splits equally among the backends that can serve, weight 0 included, and says weights do nothing', () => {
    const backends = [b('a', 100), b('b', 1), b('c', 0), b('d', 50, 'Inactive')];
    expect(row(backends, listener('L', 'roundrobin'))).toEqual({
      a: '33.33%',
      b: '33.33%',
      c: '33.33%',
      d: 'Inactive: left out of the listener while its VM is stopped',
    });
    expect(notes(backends, listener('L', 'roundrobin'))[0]).toBe(
      'Weights have no effect until the listener uses weighted round robin. Round robin gives every backend that can serve an equal share, weight 0 included.',
    );
  });

  it('counts the servers of the other groups, not their weights', () => {
    const l = listener('L', 'roundrobin', { peers: { groupNames: ['x'], weightSum: 1, servers: 2 } });
    expect(row([b('a', 100), b('b', 100)], l)).toEqual({ a: '25%', b: '25%' });
  });

  it('gives a staged row with a weight still being typed its equal share: the weight does not matter', () => {
    expect(row([b('a', 100), b('s', null)], listener('L', 'roundrobin'))).toEqual({ a: '50%', s: '50%' });
  });
});

describe('least connections and source address', () => {
  it.each([
    ['leastconn', /^Least connections: each new connection goes to the backend with the fewest/],
    ['source', /^Source address: a hash of the client’s IP address decides/],
  ])('%s gives no figure, only what decides', (algorithm, sentence) => {
    const backends = [b('a', 100), b('b', 0), b('c', 10, 'Inactive')];
    expect(row(backends, listener('L', algorithm))).toEqual({
      a: '—',
      b: '—',
      c: 'Inactive: left out of the listener while its VM is stopped',
    });
    expect(notes(backends, listener('L', algorithm))[0]).toMatch(sentence);
  });

  it('an algorithm the console does not know, or one not read, gives no figure either', () => {
    expect(notes([b('a', 1)], listener('L', 'weightleastconn'))).toEqual([
      'The listener uses “weightleastconn”, an algorithm the console does not know: no share is shown.',
    ]);
    expect(notes([b('a', 1)], listener('L', undefined))).toEqual([
      'The listener’s algorithm could not be read: no share is shown.',
    ]);
    expect(row([b('a', 1)], listener('L', undefined))).toEqual({ a: '—' });
  });
});

describe('a group on several listeners', () => {
  const backends = [b('a', 75), b('b', 25)];

  it('gives each listener its own figures when their algorithms differ', () => {
    const shares = groupShares(backends, [
      listener('http', 'weightroundrobin'),
      listener('https', 'roundrobin'),
    ]);
    expect(shares.uniform).toBe(false);
    expect(shares.weightedListeners).toEqual(['http']);
    expect(shares.listeners.map((l) => backends.map((x) => shown(l.cells.get(x.key))))).toEqual([
      ['75%', '25%'],
      ['50%', '50%'],
    ]);
  });

  it('is uniform when every listener gives the same, so one column says it all', () => {
    expect(groupShares(backends, [listener('x', 'roundrobin'), listener('y', 'roundrobin')]).uniform).toBe(
      true,
    );
    const pooled = listener('y', 'roundrobin', { peers: { groupNames: ['p'], weightSum: 100, servers: 1 } });
    expect(groupShares(backends, [listener('x', 'roundrobin'), pooled]).uniform).toBe(false);
  });
});

describe('the share after the change', () => {
  it('adds the staged rows as Active, applies typed weights, leaves out what is being removed', () => {
    const current = [b('a', 100), b('b', 100, 'Inactive'), b('c', 100)];
    const after = sharesAfterChange(
      current,
      {
        staged: [
          { key: 'new', weight: 50 },
          { key: 'typing', weight: null },
        ],
        weights: new Map([['a', 50]]),
        removed: new Set(['c']),
      },
      [listener('L', 'weightroundrobin')],
    );
    const cells = after.listeners[0]!.cells;
    expect(['a', 'b', 'c', 'new', 'typing'].map((k) => shown(cells.get(k)))).toEqual([
      '50%',
      'Inactive: left out of the listener while its VM is stopped',
      'missing',
      '50%',
      'No share until the weight is valid',
    ]);
  });
});

describe('what the weight inputs say', () => {
  it('nothing when weights decide everywhere; that they do nothing, or where only they act', () => {
    expect(weightEffect([{ name: 'http-80', algorithm: 'weightroundrobin' }])).toBeUndefined();
    expect(englishText(weightEffect([{ name: 'https-443', algorithm: 'roundrobin' }])!)).toBe(
      'Weights have no effect: none of this group’s listeners uses weighted round robin.',
    );
    const some = weightEffect([
      { name: 'http-80', algorithm: 'weightroundrobin' },
      { name: 'https-443', algorithm: 'roundrobin' },
    ]);
    expect(englishText(some!)).toBe(
      'Weights take effect on http-80 only: the group’s other listeners do not use weighted round robin.',
    );
  });
});
