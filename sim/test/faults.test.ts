import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, Harness, PASSWORD_HASH } from './harness.ts';

let h: Harness;
let admin: string;
let pool: string;

beforeAll(async () => {
  h = await Harness.start({ jobDurationMs: 30 });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control('POST', '/reset');
  admin = await h.login('admin');
  pool = await h.uuidOf('/load-balancers/servergroups', 'api-pool', admin);
});

const addIp = (ip: string, headers: Record<string, string> = {}) =>
  h.request('POST', `/load-balancers/servergroups/${pool}/backendservers`, {
    session: admin,
    headers,
    body: { params: { servers: [{ ipAddress: ip }] } },
  });
const serverIps = async () => {
  const r = await h.get(`/load-balancers/servergroups/${pool}`, admin);
  return (r.json?.inventories as { serverIps: { ipAddress: string }[] }[])[0]?.serverIps.map(
    (s) => s.ipAddress,
  );
};
const fault = async (spec: Record<string, unknown>) => {
  const r = await h.control('POST', '/faults', spec);
  expect(r.status, r.text).toBe(200);
  return r.json;
};

describe('fault kinds', () => {
  it('latency delays matching requests, the given number of times', async () => {
    await fault({ method: 'GET', path: '/load-balancers', kind: 'latency', ms: 300, times: 1 });
    let t = Date.now();
    expect((await h.get('/load-balancers', admin)).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
    t = Date.now();
    await h.get('/load-balancers', admin);
    expect(Date.now() - t).toBeLessThan(250);
  });

  it('http-error answers with a ZStack error body, or plain text, without processing', async () => {
    const error = { code: 'SYS.1001', description: 'A message or a operation timeout', details: 'injected' };
    await fault({ method: 'POST', path: 'backendservers', kind: 'http-error', status: 503, error, times: 1 });
    const r = await addIp('10.1.1.1');
    expect(r.status).toBe(503);
    expect(r.json).toEqual({ error });
    await fault({ path: 'backendservers', kind: 'http-error', status: 500, times: 1 });
    const p = await addIp('10.1.1.1');
    expect(p.status).toBe(500);
    expect(p.text).toBe('Internal Server Error');
    expect(await serverIps()).toEqual([]);
  });

  it('drop (before) closes the connection and nothing happens', async () => {
    await fault({ path: 'backendservers', kind: 'drop', times: 1 });
    const job = 'dddddddddddddddddddddddddddddd01';
    await expect(addIp('10.1.1.2', { 'X-Job-UUID': job })).rejects.toThrow();
    expect((await h.get(`/api-jobs/${job}`)).status).toBe(404);
    expect(await serverIps()).toEqual([]);
  });

  it('drop (after) processes the request, then closes the connection: the job can still be polled', async () => {
    await fault({ path: 'backendservers', kind: 'drop', phase: 'after', times: 1 });
    const job = 'dddddddddddddddddddddddddddddd02';
    await expect(addIp('10.1.1.3', { 'X-Job-UUID': job })).rejects.toThrow();
    const done = await h.waitJob(`${h.origin}/zstack/v1/api-jobs/${job}`);
    expect(done.status).toBe(200);
    expect(await serverIps()).toEqual(['10.1.1.3']);
    const log = (await h.control('GET', '/requests')).json as unknown as {
      method: string;
      jobUuid: string;
      dropped?: boolean;
      status: number | null;
    }[];
    expect(log.find((e) => e.method === 'POST')).toMatchObject({ jobUuid: job, dropped: true, status: null });
  });

  it('malformed keeps the status and breaks the body', async () => {
    await fault({ path: 'l3-networks', kind: 'malformed', times: 1 });
    const r = await h.get('/l3-networks', admin);
    expect(r.status).toBe(200);
    expect(r.json).toBeUndefined();
    expect(() => JSON.parse(r.text) as unknown).toThrow();
  });

  it('job-error fails the job with the given error and changes nothing', async () => {
    const error = { code: 'SYS.1006', description: 'An operation failed', details: 'the backend refused' };
    await fault({ path: 'backendservers', kind: 'job-error', error, times: 1 });
    const r = await addIp('10.1.1.4');
    expect(r.status).toBe(202);
    const done = await h.waitJob(String(r.json?.location));
    expect(done.status).toBe(503);
    expect(done.json).toEqual({ error });
    expect(await serverIps()).toEqual([]);
  });

  it('job-hang keeps the job at 202 and changes nothing', async () => {
    await fault({ path: 'backendservers', kind: 'job-hang', times: 1 });
    const r = await addIp('10.1.1.5');
    await new Promise((res) => setTimeout(res, 150));
    const poll = await h.poll(String(r.json?.location));
    expect(poll.status).toBe(202);
    expect(poll.text).toBe('{}');
    expect(await serverIps()).toEqual([]);
    const retry = await h.waitJob(String((await addIp('10.1.1.5')).json?.location));
    expect(retry.status).toBe(200);
  });

  it('applies to job polls when the path matches', async () => {
    const r = await addIp('10.1.1.6');
    await fault({ path: 'api-jobs', kind: 'http-error', status: 502, times: 1 });
    expect((await h.poll(String(r.json?.location))).status).toBe(502);
    expect((await h.waitJob(String(r.json?.location))).status).toBe(200);
  });
});

describe('fault matching', () => {
  it('matches a /regex/ path and the method, and lasts until cleared without times', async () => {
    await fault({ method: 'GET', path: '/servergroups\\/[0-9a-f]{32}$/', kind: 'http-error', status: 500 });
    expect((await h.get(`/load-balancers/servergroups/${pool}`, admin)).status).toBe(500);
    expect((await h.get(`/load-balancers/servergroups/${pool}`, admin)).status).toBe(500);
    expect((await h.get('/load-balancers/servergroups', admin)).status).toBe(200);
    expect((await h.control('GET', '/faults')).json).toHaveLength(1);
    await h.control('DELETE', '/faults');
    expect((await h.get(`/load-balancers/servergroups/${pool}`, admin)).status).toBe(200);
  });

  it('applies several active faults to one request', async () => {
    await fault({ path: 'vm-instances', kind: 'latency', ms: 200, times: 1 });
    await fault({ path: 'vm-instances', kind: 'malformed', times: 1 });
    const t = Date.now();
    const r = await h.get('/vm-instances', admin);
    expect(Date.now() - t).toBeGreaterThanOrEqual(180);
    expect(r.json).toBeUndefined();
  });

  it('refuses an invalid fault', async () => {
    expect((await h.control('POST', '/faults', { path: 'x', kind: 'explode' })).status).toBe(400);
    expect((await h.control('POST', '/faults', { kind: 'latency' })).status).toBe(400);
    expect((await h.control('POST', '/faults', { path: 'x', kind: 'latency' })).status).toBe(400);
    expect((await h.control('POST', '/faults', { path: 'x', kind: 'http-error', status: 42 })).status).toBe(
      400,
    );
  });
});

describe('controls', () => {
  it('reset goes back to the seed: state, sessions, faults, timings', async () => {
    await h.waitJob(String((await addIp('10.1.1.7')).json?.location));
    await fault({ path: 'nothing-matches', kind: 'drop' });
    await h.control('POST', '/config', { jobDurationMs: 999 });
    const r = await h.control('POST', '/reset');
    expect(r.status).toBe(200);
    expect(errorOf(await h.get('/load-balancers', admin)).code).toBe('ID.1001');
    admin = await h.login('admin');
    expect(await serverIps()).toEqual([]);
    expect((await h.control('GET', '/faults')).json).toEqual([]);
    expect((await h.control('GET', '/config')).json).toMatchObject({ jobDurationMs: 30 });
  });

  it('config changes the job duration at run time', async () => {
    await h.control('POST', '/config', { jobDurationMs: 400 });
    const r = await addIp('10.1.1.8');
    await new Promise((res) => setTimeout(res, 150));
    expect((await h.poll(String(r.json?.location))).status).toBe(202);
    expect((await h.waitJob(String(r.json?.location))).status).toBe(200);
    expect((await h.control('POST', '/config', { jobDurationMs: -1 })).status).toBe(400);
  });

  it('the request log shows what the wire carried, with passwords and Authorization masked', async () => {
    await h.control('DELETE', '/requests');
    await h.request('PUT', '/accounts/login', {
      body: { logInByAccount: { accountName: 'admin', password: PASSWORD_HASH } },
    });
    const r = await addIp('10.1.1.9');
    await h.waitJob(String(r.json?.location));
    await h.get('/load-balancers?q=name%3Dweb-lb&limit=5', admin);
    const log = (await h.control('GET', '/requests')).text;
    expect(log).not.toContain(PASSWORD_HASH);
    expect(log).not.toContain(admin);
    const entries = JSON.parse(log) as {
      method: string;
      path: string;
      query: Record<string, string>;
      body: unknown;
      jobUuid: string | null;
      status: number;
    }[];
    expect(entries[0]).toEqual({
      method: 'PUT',
      path: '/zstack/v1/accounts/login',
      query: {},
      body: { logInByAccount: { accountName: 'admin', password: '*****' } },
      jobUuid: null,
      status: 200,
    });
    const post = entries.find((e) => e.method === 'POST');
    expect(post).toMatchObject({
      path: `/zstack/v1/load-balancers/servergroups/${pool}/backendservers`,
      status: 202,
      body: { params: { servers: [{ ipAddress: '10.1.1.9' }] } },
    });
    expect(post?.jobUuid).toMatch(/^[0-9a-f]{32}$/);
    expect(
      entries.filter((e) => e.path.includes('/api-jobs/') && e.jobUuid === post?.jobUuid).length,
    ).toBeGreaterThanOrEqual(1);
    expect(entries.at(-1)).toMatchObject({
      method: 'GET',
      path: '/zstack/v1/load-balancers',
      query: { q: 'name=web-lb', limit: '5' },
      status: 200,
    });
    await h.control('DELETE', '/requests');
    expect((await h.control('GET', '/requests')).json).toEqual([]);
  });

  it('unknown controls are 404', async () => {
    expect((await h.control('GET', '/nope')).status).toBe(404);
    expect((await h.control('GET', '/reset')).status).toBe(405);
  });
});

describe('SIM_CONTROLS=0', () => {
  it('turns /__sim off', async () => {
    const off = await Harness.start({ controls: false });
    try {
      expect((await off.control('POST', '/reset')).status).toBe(404);
      expect(
        (
          await off.request('PUT', '/accounts/login', {
            body: { logInByAccount: { accountName: 'admin', password: PASSWORD_HASH } },
          })
        ).status,
      ).toBe(200);
    } finally {
      await off.close();
    }
  });
});
