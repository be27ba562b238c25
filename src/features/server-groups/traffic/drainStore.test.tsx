import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { clearCachedData } from '../../../session/cachedData';
import type { DrainRecord } from './drain';
import { drainStore, useDrainRecords } from './drainStore';

const record = (key: string, previousWeight: number | null = 50): DrainRecord => ({
  key,
  ref: { kind: 'ip', ipAddress: key },
  label: key,
  previousWeight,
  since: 1,
});

afterEach(() => drainStore.clear());

describe('the drains the console remembers', () => {
  it('keep the weights to restore across a reload of the page, per group', () => {
    drainStore.remember('g1', [record('10.0.0.1', 40), record('10.0.0.2')]);
    drainStore.remember('g2', [record('10.0.0.9')]);
    drainStore.reload();
    expect(drainStore.records('g1').map((r) => [r.key, r.previousWeight])).toEqual([
      ['10.0.0.1', 40],
      ['10.0.0.2', 50],
    ]);
    expect(drainStore.records('g2')).toHaveLength(1);
  });

  it('end when the backend has a weight again or is gone', () => {
    drainStore.remember('g', [record('a'), record('b'), record('c')]);
    drainStore.reconcile(
      'g',
      new Map([
        ['a', 0],
        ['b', 30],
      ]),
    );
    expect(drainStore.records('g').map((r) => r.key)).toEqual(['a']);
  });

  it('are forgotten when the session ends, and ignored when the stored text is not theirs', () => {
    drainStore.remember('g', [record('a')]);
    clearCachedData();
    expect(drainStore.records('g')).toEqual([]);
    sessionStorage.setItem('zstack-console.drains', '{"g":[{"key":1}]}');
    drainStore.reload();
    expect(drainStore.records('g')).toEqual([]);
  });

  it('re-render the component that shows them', () => {
    const { result } = renderHook(() => useDrainRecords('g'));
    expect(result.current).toEqual([]);
    act(() => drainStore.remember('g', [record('a')]));
    expect(result.current.map((r) => r.key)).toEqual(['a']);
    act(() => drainStore.forget('g', ['a']));
    expect(result.current).toEqual([]);
  });
});
