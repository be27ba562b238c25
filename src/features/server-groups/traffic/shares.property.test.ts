import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupShares, listenerShares, type ShareBackend, type ShareCell, type ShareListener } from './shares';

const status = fc.constantFrom('Active', 'Active', 'Active', 'Pending', 'Inactive');
const backendsArb = fc
  .array(
    fc.record({
      weight: fc.integer({ min: 0, max: 100 }),
      status,
      servers: fc.constantFrom(1, 1, 1, 2),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((list) => list.map<ShareBackend>((x, i) => ({ key: `k${i}`, ...x })));
const peersArb = fc.option(
  fc.record({
    groupNames: fc.constant(['peer']),
    weightSum: fc.integer({ min: 0, max: 5000 }),
    servers: fc.integer({ min: 0, max: 50 }),
  }),
  { nil: undefined },
);
const numbered = fc.constantFrom('weightroundrobin', 'roundrobin');

const percents = (cells: ReadonlyMap<string, ShareCell>) => {
  let sum = 0;
  for (const c of cells.values()) if (c.kind === 'share') sum += c.percent;
  return sum;
};
const shareOf = (cells: ReadonlyMap<string, ShareCell>, key: string) => {
  const c = cells.get(key);
  return c?.kind === 'share' ? c.percent : undefined;
};

describe('shares, for any group', () => {
  it('sum to 100 % with the other groups’ part, where there are numbers and anything can serve', () => {
    fc.assert(
      fc.property(backendsArb, numbered, peersArb, (backends, algorithm, peers) => {
        const r = listenerShares(backends, { uuid: 'L', algorithm, peers });
        const serving = backends.filter((x) => x.status !== 'Inactive');
        const part = (x: ShareBackend) =>
          (algorithm === 'weightroundrobin' ? x.weight! : 1) * (x.servers ?? 1);
        const own = serving.reduce((s, x) => s + part(x), 0);
        const theirs = peers ? (algorithm === 'weightroundrobin' ? peers.weightSum : peers.servers) : 0;
        if (own + theirs === 0) {
          expect(percents(r.cells)).toBe(0);
          expect(r.notes.map((n) => n.key)).toContain('traffic.share.noTraffic');
        } else {
          expect(percents(r.cells) + (theirs / (own + theirs)) * 100).toBeCloseTo(100, 9);
        }
      }),
    );
  });

  it('never give a share to an Inactive backend, nor above 100 %', () => {
    fc.assert(
      fc.property(backendsArb, numbered, peersArb, (backends, algorithm, peers) => {
        const r = listenerShares(backends, { uuid: 'L', algorithm, peers });
        for (const x of backends) {
          const c = r.cells.get(x.key)!;
          if (x.status === 'Inactive') expect(c.kind).toBe('excluded');
          if (c.kind === 'share') expect(c.percent).toBeGreaterThanOrEqual(0);
          if (c.kind === 'share') expect(c.percent).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
    );
  });

  it('are monotonic in weight under weighted round robin: more weight, no less share; others no more', () => {
    fc.assert(
      fc.property(backendsArb, fc.nat(), fc.integer({ min: 1, max: 100 }), (backends, pick, raise) => {
        const i = pick % backends.length;
        const target = backends[i]!;
        if (target.status === 'Inactive') return;
        const heavier = backends.map((x, j) =>
          j === i ? { ...x, weight: Math.min(100, x.weight! + raise) } : x,
        );
        const l: ShareListener = { uuid: 'L', algorithm: 'weightroundrobin' };
        const before = listenerShares(backends, l).cells;
        const after = listenerShares(heavier, l).cells;
        expect(shareOf(after, target.key)!).toBeGreaterThanOrEqual(shareOf(before, target.key)! - 1e-9);
        for (const x of backends)
          if (x.key !== target.key && shareOf(before, x.key) !== undefined)
            expect(shareOf(after, x.key)!).toBeLessThanOrEqual(shareOf(before, x.key)! + 1e-9);
      }),
    );
  });

  it('do not depend on the order of the backends', () => {
    fc.assert(
      fc.property(
        backendsArb,
        fc.constantFrom('weightroundrobin', 'roundrobin', 'leastconn', 'source'),
        fc.integer(),
        (backends, algorithm, seed) => {
          const shuffled = [...backends].sort(
            (a, b) => (hash(a.key, seed) - hash(b.key, seed)) | 0 || a.key.localeCompare(b.key),
          );
          const l: ShareListener = { uuid: 'L', algorithm };
          const x = listenerShares(backends, l);
          const y = listenerShares(shuffled, l);
          expect(y.notes).toEqual(x.notes);
          for (const k of x.cells.keys()) {
            const a = x.cells.get(k)!;
            const b = y.cells.get(k)!;
            if (a.kind === 'share' && b.kind === 'share') expect(b.percent).toBeCloseTo(a.percent, 9);
            else expect(b).toEqual(a);
          }
        },
      ),
    );
  });

  it('give no number where the algorithm decides per connection, or is not known', () => {
    fc.assert(
      fc.property(
        backendsArb,
        fc.oneof(fc.constantFrom('leastconn', 'source', undefined), fc.string()),
        peersArb,
        (backends, algorithm, peers) => {
          if (algorithm === 'weightroundrobin' || algorithm === 'roundrobin') return;
          const r = groupShares(backends, [{ uuid: 'L', algorithm, peers }]).listeners[0]!;
          expect(r.mode).toBe('none');
          for (const c of r.cells.values()) expect(c.kind).not.toBe('share');
        },
      ),
    );
  });

  it('under round robin, are the same for every backend that serves, whatever its weight', () => {
    fc.assert(
      fc.property(backendsArb, (backends) => {
        const single = backends.map((x) => ({ ...x, servers: 1 }));
        const r = listenerShares(single, { uuid: 'L', algorithm: 'roundrobin' });
        const values = [...r.cells.values()].flatMap((c) => (c.kind === 'share' ? [c.percent] : []));
        for (const v of values) expect(v).toBeCloseTo(values[0]!, 9);
      }),
    );
  });
});

function hash(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 2654435761);
  return h;
}
