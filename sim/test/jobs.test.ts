import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Jobs, type JobStoreOptions } from '../core/jobs.ts';

const HOUR = 3600 * 1000;
const ok = () => ({ status: 200 as const, body: { ok: true } });

describe('jobs kept as MysqlAsyncRestStore keeps them', () => {
  let jobs: Jobs;
  const store = (opts: Partial<JobStoreOptions> = {}) =>
    (jobs = new Jobs({ now: () => Date.now(), ...opts }));

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    jobs.reset();
    vi.useRealTimers();
  });

  it('deletes a finished job at the first hourly scan more than 3 h after it was created (cache off)', async () => {
    store({ maxCachedResults: 0 });
    jobs.submit('a', { durationMs: 0, run: ok });
    await vi.advanceTimersByTimeAsync(1);
    expect(jobs.get('a')?.outcome?.status).toBe(200);
    await vi.advanceTimersByTimeAsync(3 * HOUR); // scans at 1 h, 2 h, 3 h: not yet 3 h old at any of them
    expect(jobs.get('a')?.outcome?.status).toBe(200);
    await vi.advanceTimersByTimeAsync(HOUR - 2); // just before the 4 h scan
    expect(jobs.has('a')).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(jobs.get('a')).toBeUndefined();
    expect(jobs.has('a')).toBe(false);
  });

  it('never deletes a job that is still processing', async () => {
    store({ maxCachedResults: 0 });
    jobs.submit('hung', { durationMs: 0, run: ok, hang: true });
    await vi.advanceTimersByTimeAsync(10 * 24 * HOUR);
    const job = jobs.get('hung');
    expect(job).toBeDefined(); // a poll answers 202
    expect(job?.outcome).toBeUndefined();
  });

  it('keeps answering a deleted job while it is among the last 2000 results (the LRU cache)', async () => {
    store({ maxCachedResults: 2 });
    for (const id of ['a', 'b']) jobs.submit(id, { durationMs: 0, run: ok });
    await vi.advanceTimersByTimeAsync(5 * HOUR);
    expect(jobs.has('a')).toBe(false); // the row is gone
    expect(jobs.get('a')?.outcome?.status).toBe(200); // the cache answers, and 'a' is now the most recent
    jobs.submit('c', { durationMs: 0, run: ok });
    await vi.advanceTimersByTimeAsync(1);
    expect(jobs.get('b')).toBeUndefined(); // evicted by 'c', and deleted from the table
    expect(jobs.get('a')?.outcome?.status).toBe(200);
  });
});
