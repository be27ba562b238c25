import { afterEach, describe, expect, it, vi } from 'vitest';
import { callAsync, callAsyncJob, newJobUuid, pollDelay, resumeAsyncJob } from './jobs';
import { fakeFetch, json, text } from '../test/fakeFetch';

afterEach(() => vi.unstubAllGlobals());

const req = {
  method: 'POST' as const,
  path: '/load-balancers/servergroups/sg/backendservers',
  body: { params: {} },
};

describe('async ZStack calls', () => {
  it('posts with an X-Job-UUID, polls the location path and resolves with the result (202 -> 200)', async () => {
    let polls = 0;
    const { calls } = fakeFetch((call) => {
      if (call.method === 'POST')
        return json(202, { location: 'http://10.0.0.1:8080/zstack/v1/api-jobs/job1', apiTimeout: 1000 });
      polls += 1;
      return polls < 3 ? json(202, {}) : json(200, { inventory: { uuid: 'sg' } });
    });
    const progress: string[] = [];
    const result = await callAsync(req, { onProgress: (p) => progress.push(p.phase) });
    expect(result).toEqual({ inventory: { uuid: 'sg' } });
    expect(calls[0]!.headers['X-Job-UUID']).toMatch(/^[0-9a-f]{32}$/);
    // the node's own host is not reachable from the browser: only the path is used, without a session
    expect(calls.slice(1).map((c) => c.url)).toEqual(Array(3).fill('/zstack/v1/api-jobs/job1'));
    expect(calls[1]!.headers.Authorization).toBeUndefined();
    expect(progress[0]).toBe('sending');
    expect(progress).toContain('running');
  });

  it("rejects with the job's ZStack error (202 -> 503)", async () => {
    fakeFetch((call) =>
      call.method === 'POST'
        ? json(202, { location: '/zstack/v1/api-jobs/job2' })
        : json(503, {
            error: {
              code: 'SYS.1006',
              description: 'An operation failed',
              details: 'ip [10.0.0.9] is repeated',
            },
          }),
    );
    await expect(callAsync(req)).rejects.toMatchObject({
      code: 'SYS.1006',
      details: 'ip [10.0.0.9] is repeated',
      jobUuid: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('gives up after the bound with "still running, not confirmed", and can follow the same job again', async () => {
    let done = false;
    const { calls } = fakeFetch((call) =>
      call.method === 'POST'
        ? json(202, { location: '/zstack/v1/api-jobs/job3' })
        : json(done ? 200 : 202, done ? { ok: 1 } : {}),
    );
    const error = await callAsync(req, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONSOLE.JOB_TIMEOUT', description: 'Still running, not confirmed' });
    const posts = calls.filter((c) => c.method === 'POST').length;
    done = true;
    const jobUuid = (error as { jobUuid: string }).jobUuid;
    await expect(resumeAsyncJob(jobUuid)).resolves.toMatchObject({ result: { ok: 1 }, jobUuid });
    expect(calls.at(-1)!.url).toBe(`/zstack/v1/api-jobs/${jobUuid}`);
    expect(calls.filter((c) => c.method === 'POST').length).toBe(posts);
  });

  it('stops polling when the caller aborts', async () => {
    const { calls } = fakeFetch((call) =>
      call.method === 'POST' ? json(202, { location: '/zstack/v1/api-jobs/j' }) : json(202, {}),
    );
    const controller = new AbortController();
    const pending = callAsync(req, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 200));
    controller.abort();
    await expect(pending).rejects.toThrow();
    const count = calls.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.length).toBe(count);
  });

  it('after a dropped connection, polls its own job id and reports the result ZStack really has', async () => {
    let jobUuid = '';
    fakeFetch((call) => {
      if (call.method === 'POST') {
        jobUuid = call.headers['X-Job-UUID']!;
        throw new TypeError('Failed to fetch');
      }
      expect(call.url).toBe(`/zstack/v1/api-jobs/${jobUuid}`);
      return json(200, { inventory: { done: true } });
    });
    await expect(callAsync(req)).resolves.toEqual({ inventory: { done: true } });
  });

  it('after a dropped connection, says "not received, safe to retry" when ZStack has no such job', async () => {
    const { calls } = fakeFetch((call) => {
      if (call.method === 'POST') throw new TypeError('Failed to fetch');
      return text(404, 'the job has been expired');
    });
    await expect(callAsync(req)).rejects.toMatchObject({ code: 'CONSOLE.NOT_RECEIVED' });
    expect(calls.filter((c) => c.method === 'GET').length).toBe(3);
  });

  it('after an unreadable 202 body, follows the job by its own id', async () => {
    fakeFetch((call) =>
      call.method === 'POST'
        ? text(202, '{"locat')
        : json(503, { error: { code: 'SYS.1007', details: 'bad' } }),
    );
    await expect(callAsync(req)).rejects.toMatchObject({ code: 'SYS.1007', details: 'bad' });
  });

  it('says when the outcome was learnt from the job after the answer was lost', async () => {
    fakeFetch((call) => {
      if (call.method === 'POST') throw new TypeError('Failed to fetch');
      return json(200, { inventory: {} });
    });
    await expect(callAsyncJob(req)).resolves.toMatchObject({ recovered: true });
    fakeFetch((call) =>
      call.method === 'POST' ? json(202, { location: '/zstack/v1/api-jobs/j' }) : json(200, {}),
    );
    await expect(callAsyncJob(req)).resolves.toMatchObject({ recovered: false });
  });

  it('after the browser sent the POST again by itself, follows the job ZStack already has (400 Duplicate job uuid)', async () => {
    const { calls } = fakeFetch((call) => {
      if (call.method === 'POST') return text(400, `Duplicate job uuid[${call.headers['X-Job-UUID']}]`);
      return json(200, { inventory: { once: true } });
    });
    await expect(callAsyncJob(req)).resolves.toEqual({
      result: { inventory: { once: true } },
      jobUuid: calls[0]!.headers['X-Job-UUID'],
      recovered: true,
    });
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('after a plain-text 5xx (a proxy, the REST layer), asks the job, and keeps what the answer said', async () => {
    const { calls } = fakeFetch((call) =>
      call.method === 'POST' ? text(502, 'Bad Gateway') : text(404, 'the job has been expired'),
    );
    const error = await callAsync(req).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'CONSOLE.HTTP',
      status: 502,
      details: expect.stringMatching(/^Bad Gateway ZStack has no job [0-9a-f]{32}: .* safe to try again\.$/),
    });
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(3);
  });

  it("after a plain-text 5xx, reports the job's real outcome when ZStack did take the request", async () => {
    fakeFetch((call) => (call.method === 'POST' ? text(504, 'Gateway Timeout') : json(200, { ok: 1 })));
    await expect(callAsync(req)).resolves.toEqual({ ok: 1 });
  });

  it("a ZStack error on the request itself is ZStack's answer: no polling", async () => {
    const error = { code: 'SYS.1001', description: 'timeout', details: 'x' };
    const { calls } = fakeFetch(() => json(503, { error }));
    await expect(callAsync(req)).rejects.toMatchObject(error);
    expect(calls).toHaveLength(1);
  });

  it('polls again after unreadable or failed poll answers, and says "not confirmed" when they keep failing', async () => {
    let polls = 0;
    fakeFetch((call) => {
      if (call.method === 'POST') return json(202, { location: '/zstack/v1/api-jobs/j' });
      polls += 1;
      if (polls === 1) return text(200, '{"inv');
      if (polls === 2) return text(502, 'Bad Gateway');
      if (polls === 3) throw new TypeError('Failed to fetch');
      return json(200, { ok: 1 });
    });
    await expect(callAsync(req)).resolves.toEqual({ ok: 1 });

    fakeFetch((call) =>
      call.method === 'POST' ? json(202, { location: '/zstack/v1/api-jobs/j' }) : text(200, 'not json'),
    );
    await expect(callAsync(req)).rejects.toMatchObject({
      code: 'CONSOLE.NOT_CONFIRMED',
      details: expect.stringContaining('check again before trying again'),
    });
  });

  it('"check again" on a job ZStack does not know says it never arrived, and sends nothing', async () => {
    const { calls } = fakeFetch(() => text(404, 'the job has been expired'));
    await expect(resumeAsyncJob('a'.repeat(32))).rejects.toMatchObject({ code: 'CONSOLE.NOT_RECEIVED' });
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
  });

  it('polls quickly first, then backs off to a 2 s cap', () => {
    expect(pollDelay(0)).toBe(50);
    expect(pollDelay(550)).toBe(50);
    expect(pollDelay(700)).toBe(100);
    expect(pollDelay(2_000)).toBe(500);
    expect(pollDelay(60_000)).toBe(2_000);
  });

  it('makes job ids on plain http, where the browser has getRandomValues but no randomUUID', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) });
    const ids = new Set(Array.from({ length: 200 }, () => newJobUuid()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
  });
});
