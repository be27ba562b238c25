import { describe, expect, it } from 'vitest';
import { groupShares, sharesAfterChange, type ShareBackend, type ShareListener } from './shares';
import { downByListener, latestValues, type MetricAnswer } from './zwatch';

/**
 * The share computation for 5000 backends on 3 listeners, as the backends table runs it on every render
 * of a group that size. It asserts what the figures must be and prints how long they took (speed targets
 * belong to `npm run bench`, not to a test).
 */
const n = 5000;
const backends: ShareBackend[] = Array.from({ length: n }, (_, i) => ({
  key: `nic:${i}`,
  weight: i % 101,
  status: i % 50 === 0 ? 'Inactive' : 'Active',
}));
const listeners: ShareListener[] = [
  { uuid: 'http', algorithm: 'weightroundrobin' },
  { uuid: 'https', algorithm: 'roundrobin', peers: { groupNames: ['p'], weightSum: 500, servers: 5 } },
  { uuid: 'tcp', algorithm: 'leastconn' },
];

function median(run: () => unknown, times = 9): number {
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    took.push(performance.now() - start);
  }
  return took.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}
const sum = (cells: ReturnType<typeof groupShares>['listeners'][number]['cells']) =>
  [...cells.values()].reduce((s, c) => s + (c.kind === 'share' ? c.percent : 0), 0);

describe(`${n} backends on 3 listeners`, () => {
  it('computes every cell, shares summing to 100 % with the other groups’ part, and prints the time taken', () => {
    const shares = groupShares(backends, listeners);
    const [http, https, tcp] = shares.listeners;
    expect(shares.listeners.map((l) => l.cells.size)).toEqual([n, n, n]);
    expect(sum(http!.cells)).toBeCloseTo(100, 6);
    expect(sum(https!.cells) + (5 / (n - n / 50 + 5)) * 100).toBeCloseTo(100, 6);
    expect(sum(tcp!.cells)).toBe(0);

    const staged = Array.from({ length: 1000 }, (_, i) => ({ key: `new:${i}`, weight: 10 }));
    const after = sharesAfterChange(backends, { staged, weights: new Map([['nic:1', 0]]) }, listeners);
    expect(after.listeners[0]!.cells.size).toBe(n + 1000);

    // one page's health: 100 backends on 3 listeners
    const page = backends.slice(0, 100).map((b, i) => ({ key: b.key, ip: `10.64.0.${i}` }));
    const points = page.flatMap((b, i) =>
      listeners.map((l) => ({
        value: i % 7 ? 1 : 0,
        time: 1,
        labels: { ListenerUuid: l.uuid, NicIpAddress: b.ip },
      })),
    );
    const answer: MetricAnswer = { kind: 'values', values: latestValues(points), at: 0 };
    expect(downByListener(answer, page, ['http']).get('http')!.size).toBe(15);

    const figures = {
      groupShares: median(() => groupShares(backends, listeners)),
      afterChangeWith1000Staged: median(() => sharesAfterChange(backends, { staged }, listeners)),
      healthOfOnePage: median(() =>
        downByListener({ kind: 'values', values: latestValues(points), at: 0 }, page, [
          'http',
          'https',
          'tcp',
        ]),
      ),
    };
    console.warn(
      `traffic at ${n} backends x 3 listeners (median of 9, ms): ` +
        Object.entries(figures)
          .map(([k, v]) => `${k} ${v.toFixed(2)}`)
          .join(', '),
    );
  });
});
