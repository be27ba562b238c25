import { describe, expect, it } from 'vitest';
import { formatShare, shareOf, sumWeights } from './shares';

describe('traffic shares', () => {
  it('is weight over the sum of weights', () => {
    expect(shareOf(50, 200)).toBe(25);
    expect(shareOf(0, 100)).toBe(0);
    expect(shareOf(10, 0)).toBe(0);
  });

  it('reads well', () => {
    expect([0, 0.05, 3.333, 33.333, 100].map(formatShare)).toEqual(['0%', '<0.1%', '3.3%', '33%', '100%']);
  });

  it('counts what is not a valid weight as nothing', () => {
    expect(sumWeights([100, '50', 'abc', '101', '1.5', null, undefined, ' 7 '])).toBe(157);
  });
});
