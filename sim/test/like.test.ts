import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likeMatcher } from '../query/like.ts';

/**
 * A reference LIKE on small inputs: the pattern as an anchored, case-insensitive Unicode RegExp (which
 * backtracks, harmless at these sizes). For the alphabet below its case folding is lower-casing.
 */
function reference(pattern: string, value: string): boolean {
  let re = '';
  const cps = Array.from(pattern);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i] ?? '';
    if (c === '\\' && i + 1 < cps.length) re += (cps[++i] ?? '').replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
    else if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
  }
  return new RegExp(`^${re}$`, 'isu').test(value);
}

const alphabet = ['a', 'A', 'b', 'é', 'É', '😀', '.', '-', '\n'];
const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((cs) => cs.join(''));
const pattern = fc
  .array(fc.constantFrom(...alphabet, '%', '_', '\\', '\\%', '\\_', '\\\\'), { maxLength: 10 })
  .map((cs) => cs.join(''));

describe('LIKE (%, _, backslash escapes, case-insensitive)', () => {
  it('agrees with a reference matcher on small inputs', () => {
    fc.assert(
      fc.property(pattern, text, (p, v) => likeMatcher(p)(v) === reference(p, v)),
      { numRuns: 5_000 },
    );
  });

  it('agrees when the value is built to match or nearly match the pattern', () => {
    const near = pattern.chain((p) =>
      fc.tuple(
        fc.constant(p),
        fc
          .array(fc.constantFrom(...alphabet), { maxLength: 4 })
          .map((fill) => p.replace(/\\(.)/gu, '$1').replace(/[%_]/gu, () => fill.join(''))),
      ),
    );
    fc.assert(
      fc.property(near, ([p, v]) => likeMatcher(p)(v) === reference(p, v)),
      { numRuns: 5_000 },
    );
  });

  it('agrees on segments longer than one 32-bit word of the bit-parallel search', () => {
    const letters = ['a', 'b', 'É'];
    const long = fc.array(fc.constantFrom(...letters, '_'), { minLength: 33, maxLength: 80 });
    const cases = long.chain((seg) =>
      fc
        .tuple(
          fc.constant(`%${seg.join('')}%`),
          fc.array(fc.constantFrom(...letters), { maxLength: 20 }),
          fc.array(fc.constantFrom(...letters), { maxLength: 20 }),
          fc.integer({ min: -1, max: seg.length - 1 }),
        )
        .map(([p, before, after, flip]) => {
          const body = seg.map((c, i) => (c === '_' ? 'b' : i === flip ? (c === 'a' ? 'b' : 'a') : c));
          return [p, [...before, ...body, ...after].join('')] as const;
        }),
    );
    fc.assert(
      fc.property(cases, ([p, v]) => likeMatcher(p)(v) === reference(p, v)),
      { numRuns: 2_000 },
    );
  });

  it('counts a character outside the BMP as one character, and folds case', () => {
    expect(likeMatcher('_')('😀')).toBe(true);
    expect(likeMatcher('__')('😀')).toBe(false);
    expect(likeMatcher('%WEB\\_1%')('the web_1 pool')).toBe(true);
    expect(likeMatcher('%WEB\\_1%')('the webx1 pool')).toBe(false);
    expect(likeMatcher('a\\')('a\\')).toBe(true);
  });

  it('matches a backtracking-prone pattern against a long value at once', () => {
    const evil = `${'_%'.repeat(40)}!`;
    const value = 'a'.repeat(5000);
    const started = performance.now();
    expect(likeMatcher(evil)(value)).toBe(false);
    expect(likeMatcher(evil)(`${value}!`)).toBe(true);
    expect(likeMatcher(`%${'a_'.repeat(100)}b%`)(value)).toBe(false);
    // a RegExp takes minutes here; linear matching takes milliseconds
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
