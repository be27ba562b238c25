import { describe, expect, it } from 'vitest';
import { buildUrl } from './client';
import { maxRequestLine, requestLineLength, splitBySize, splitQueryValues } from './batch';

const uuid = (i: number) => i.toString(16).padStart(32, '0');

describe('request lines', () => {
  it('splits 10000 UUIDs of a DELETE into requests of at most 8192 bytes, in order, each UUID once', () => {
    const path = `/iam2/projects/groups/${uuid(1)}/virtual-ids`;
    const ids = Array.from({ length: 10_000 }, (_, i) => uuid(i));
    const base = requestLineLength('DELETE', buildUrl(path));
    const chunks = splitQueryValues(ids, 'virtualIDUuids', (id) => id, base);
    const lines = chunks.map((chunk) =>
      requestLineLength('DELETE', buildUrl(path, { virtualIDUuids: chunk })),
    );
    expect(Math.max(...lines)).toBeLessThanOrEqual(maxRequestLine);
    // as few requests as fit: every one but the last is within one UUID of the limit
    for (const line of lines.slice(0, -1)) expect(line).toBeGreaterThan(maxRequestLine - 48);
    expect(chunks.flat()).toEqual(ids);
  });

  it('counts what URLSearchParams encodes', () => {
    // "?k=a+b" is 6 bytes and "&k=c" 4: both fit in the last 10 bytes, not in 9
    expect(splitQueryValues(['a b', 'c'], 'k', (v) => v, 8182)).toEqual([['a b', 'c']]);
    expect(splitQueryValues(['a b', 'c'], 'k', (v) => v, 8183)).toEqual([['a b'], ['c']]);
  });

  it('splits a body list by count', () => {
    expect(splitBySize([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(splitBySize([], 2)).toEqual([]);
  });
});
