import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from './queryClient';
import { setSessionId } from './session';
import { useJobMutation } from './useJobMutation';
import { fakeFetch, json } from '../test/fakeFetch';

afterEach(() => vi.unstubAllGlobals());

const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={createQueryClient()}>{children}</QueryClientProvider>
);

/** Answers each call's job with 200, except the job of the call whose body says `fail`. */
function jobs() {
  return fakeFetch((call) => {
    if (call.method === 'PUT') {
      const id = call.headers['X-Job-UUID']!;
      const fail = (call.body as { fail?: boolean }).fail;
      return json(202, { location: `/zstack/v1/api-jobs/${id}${fail ? '-fail' : ''}` });
    }
    return call.url.endsWith('-fail')
      ? json(503, { error: { code: 'SYS.1006', description: 'An operation failed', details: 'boom' } })
      : json(200, { done: call.url });
  });
}

const writes = (n: number, failAt = -1) =>
  Array.from({ length: n }, (_, i) => ({
    method: 'PUT' as const,
    path: `/w/${i}`,
    body: { fail: i === failAt },
  }));

describe('a write of several calls', () => {
  it('sends them one after the other and reports each', async () => {
    const { calls } = jobs();
    const onCallDone = vi.fn();
    const { result } = renderHook(
      () => useJobMutation<number>({ request: (n) => writes(n), invalidates: () => [], onCallDone }),
      { wrapper },
    );
    act(() => result.current.submit(3));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.url)).toEqual([
      '/zstack/v1/w/0',
      '/zstack/v1/w/1',
      '/zstack/v1/w/2',
    ]);
    expect(onCallDone.mock.calls.map((c) => c[1])).toEqual([0, 1, 2]);
  });

  it('stops at the first failure and says which call failed: the ones before it were done', async () => {
    const { calls } = jobs();
    const { result } = renderHook(
      () => useJobMutation<number>({ request: (n) => writes(n, 1), invalidates: () => [] }),
      { wrapper },
    );
    act(() => result.current.submit(4));
    await waitFor(() => expect(result.current.error).toBeTruthy());
    expect(result.current.error).toMatchObject({
      code: 'SYS.1006',
      details: 'boom',
      batch: { done: 1, of: 4 },
    });
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2);
  });

  it('forgets a "session expired" error once a new session starts', async () => {
    fakeFetch(() => json(503, { error: { code: 'ID.1001', description: 'Session expired' } }));
    const { result } = renderHook(
      () => useJobMutation<number>({ request: (n) => writes(n), invalidates: () => [] }),
      { wrapper },
    );
    act(() => result.current.submit(1));
    await waitFor(() => expect(result.current.error?.code).toBe('ID.1001'));
    act(() => setSessionId('6'.repeat(32)));
    await waitFor(() => expect(result.current.error).toBeNull());
  });
});
