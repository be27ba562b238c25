import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, Harness, PASSWORD_HASH } from './harness.ts';

let h: Harness;
let admin: string;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control('POST', '/reset');
  admin = await h.login('admin');
});

describe('REST layer errors are plain text', () => {
  it("refuses a request head over Tomcat's 64 KB with 400 before ZStack, and logs what was sent", async () => {
    await h.control('DELETE', '/requests');
    const r = await h.get(`/vm-instances?q=${'name?=' + 'x'.repeat(70 * 1024)}`, admin);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toBe('text/html;charset=utf-8');
    expect(r.text).toContain('Request header is too large');
    const log = (await h.control('GET', '/requests')).json as unknown as { path: string; status: number }[];
    expect(log.map((l) => [l.path, l.status])).toEqual([['/zstack/v1/vm-instances', 400]]);
  });

  it('answers 400 when the Authorization header is missing', async () => {
    const r = await h.get('/load-balancers');
    expect(r.status).toBe(400);
    expect(r.text).toBe("missing header 'Authorization'");
  });

  it('answers 400 for another authorization scheme', async () => {
    const r = await h.get('/load-balancers', undefined, { headers: { Authorization: `Bearer ${admin}` } });
    expect(r.status).toBe(400);
    expect(r.text).toBe("Authorization type must be 'OAuth'");
  });

  it('answers 400 for a limit or start that is not an integer', async () => {
    const a = await h.get('/load-balancers?limit=ten', admin);
    expect(a.status).toBe(400);
    expect(a.text).toBe("Invalid query parameter. 'limit' must be an integer");
    const b = await h.get('/load-balancers?start=1.5', admin);
    expect(b.status).toBe(400);
    expect(b.text).toBe("Invalid query parameter. 'start' must be an integer");
  });

  it('answers 400 for a condition without operator', async () => {
    const r = await h.get('/load-balancers?q=name', admin);
    expect(r.status).toBe(400);
    expect(r.text).toBe(
      "Invalid query parameter. The 'name' in the parameter[q] doesn't contain any query operator. Valid query operators are [[!=, >=, <=, !?=, !~=, ~=, ?=, =, >, <, is null, not null]]",
    );
    const empty = await h.get('/load-balancers?q=name%3D', admin);
    expect(empty.status).toBe(400);
    expect(empty.text).toBe(
      "Invalid query parameter. The 'name=' in parameter[q] is not a key-value pair split by =",
    );
  });

  it('answers 404 when no API lives at the path', async () => {
    const r = await h.get('/no-such-thing', admin);
    expect(r.status).toBe(404);
    expect(r.text).toBe('no api mapping to /v1/no-such-thing');
    const outside = await h.request('GET', `${h.origin}/zstack/other`);
    expect(outside.status).toBe(404);
  });

  it('answers 405 for a method no API at that path takes', async () => {
    const r = await h.request('DELETE', '/load-balancers', { session: admin });
    expect(r.status).toBe(405);
    expect(r.text).toBe('The method[DELETE] is not allowed for the path[/zstack/v1/load-balancers]');
  });

  it('answers 500 for a malformed JSON body', async () => {
    const r = await h.request('PUT', '/accounts/login', {
      rawBody: '{"logInByAccount": {"accountName": "admin",',
    });
    // RestServer answers the message of Gson's JsonSyntaxException: the text of what it wraps
    expect(r.status).toBe(500);
    expect(r.text).toBe('java.io.EOFException: End of input at line 1 column 44 path $..accountName');
    const notObject = await h.request('PUT', '/accounts/login', { rawBody: '"admin"' });
    expect(notObject.status).toBe(500);
    expect(notObject.text).toBe(
      'java.lang.IllegalStateException: Expected BEGIN_OBJECT but was STRING at line 1 column 2 path $',
    );
  });

  it('sets no Content-Type and omits null fields', async () => {
    const r = await h.get('/load-balancers?q=name%3Dweb-lb', admin);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBeNull();
    const lb = (r.json?.inventories as Record<string, unknown>[])[0];
    expect(lb).toBeDefined();
    expect(Object.keys(lb ?? {})).not.toContain('description');
    expect(r.text).not.toContain('null');
  });

  it('formats dates like ZStack and uuids as 32 lowercase hex', async () => {
    const r = await h.get('/accounts?q=name%3Dadmin', admin);
    const a = (r.json?.inventories as { uuid: string; createDate: string }[])[0];
    expect(a?.uuid).toBe('36c27e8ff05c4780bf6d2fa65700f22e');
    expect(a?.createDate).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)$/);
  });
});

describe('sync and async APIs', () => {
  it('answers a sync API with 200 or 503', async () => {
    const ok = await h.request('PUT', '/accounts/login', {
      body: { logInByAccount: { accountName: 'admin', password: PASSWORD_HASH } },
    });
    expect(ok.status).toBe(200);
    const bad = await h.request('PUT', '/accounts/login', {
      body: { logInByAccount: { accountName: 'admin', password: 'nope' } },
    });
    expect(bad.status).toBe(503);
    expect(errorOf(bad)).toEqual({
      code: 'ID.1000',
      description: 'Unable to authenticate a user',
      details: 'wrong account name or password',
    });
  });

  it('answers an async API with 202 and a location on the node, then the job 202 -> 200', async () => {
    await h.control('POST', '/config', { jobDurationMs: 150 });
    const sg = await h.uuidOf('/load-balancers/servergroups', 'api-pool');
    const nic = await h.nicOf('web-2');
    const r = await h.request('POST', `/load-balancers/servergroups/${sg}/backendservers`, {
      session: admin,
      body: { params: { vmNics: [{ uuid: nic.uuid, weight: '20' }] } },
    });
    expect(r.status).toBe(202);
    const location = String(r.json?.location);
    expect(location).toMatch(/^http:\/\/127\.0\.0\.1:8080\/zstack\/v1\/api-jobs\/[0-9a-f]{32}$/);
    expect(r.json?.apiTimeout).toBe(1800000);
    const running = await h.poll(location);
    expect(running.status).toBe(202);
    expect(running.text).toBe('{}');
    const done = await h.waitJob(location);
    expect(done.status).toBe(200);
    const inv = done.json?.inventory as { vmNicRefs: { vmNicUuid: string; weight: number }[] };
    expect(inv.vmNicRefs.find((n) => n.vmNicUuid === nic.uuid)?.weight).toBe(20);
  });

  it('reports a failed job as 503 with the error', async () => {
    const sg = await h.uuidOf('/load-balancers/servergroups', 'api-pool');
    const r = await h.call('POST', `/load-balancers/servergroups/${sg}/backendservers`, {
      session: admin,
      body: { params: {} },
    });
    expect(r.status).toBe(503);
    expect(errorOf(r)).toMatchObject({ code: 'SYS.1007', details: 'vmnic or ip is null' });
  });

  it('answers 404 for an unknown job, and needs no Authorization to poll', async () => {
    const r = await h.get('/api-jobs/0123456789abcdef0123456789abcdef');
    expect(r.status).toBe(404);
    expect(r.text).toBe('the job has been expired');
    const m = await h.request('POST', '/api-jobs/0123456789abcdef0123456789abcdef');
    expect(m.status).toBe(405);
    expect(m.text).toBe('only GET method is allowed for querying job status');
  });

  it('brings session failures of an async API through the job (202 then 503 ID.1001)', async () => {
    const sg = await h.uuidOf('/load-balancers/servergroups', 'api-pool');
    const r = await h.request('POST', `/load-balancers/servergroups/${sg}/backendservers`, {
      session: '0123456789abcdef0123456789abcdef',
      body: { params: { servers: [{ ipAddress: '192.168.9.9' }] } },
    });
    expect(r.status).toBe(202);
    const done = await h.waitJob(String(r.json?.location));
    expect(done.status).toBe(503);
    expect(errorOf(done)).toMatchObject({ code: 'ID.1001', details: 'Session expired' });
  });
});

describe('X-Job-UUID', () => {
  const jobId = 'aaaabbbbccccddddeeeeffff00001111';

  it('uses the given id for the job', async () => {
    const sg = await h.uuidOf('/load-balancers/servergroups', 'api-pool');
    const r = await h.request('POST', `/load-balancers/servergroups/${sg}/backendservers`, {
      session: admin,
      headers: { 'X-Job-UUID': jobId },
      body: { params: { servers: [{ ipAddress: '192.168.7.7' }] } },
    });
    expect(r.status).toBe(202);
    expect(String(r.json?.location)).toBe(`http://127.0.0.1:8080/zstack/v1/api-jobs/${jobId}`);
    const done = await h.waitJob(String(r.json?.location));
    expect(done.status).toBe(200);
  });

  it('refuses an invalid value with 400', async () => {
    const sg = await h.uuidOf('/load-balancers/servergroups', 'api-pool');
    const r = await h.request('POST', `/load-balancers/servergroups/${sg}/backendservers`, {
      session: admin,
      headers: { 'X-Job-UUID': 'not-a-uuid' },
      body: { params: { servers: [{ ipAddress: '192.168.7.7' }] } },
    });
    expect(r.status).toBe(400);
    expect(r.text).toBe("Invalid header[X-Job-UUID], it must be a UUID with '-' stripped");
  });

  it('refuses a reused id with 400 and does not run the API twice', async () => {
    const sg = await h.uuidOf('/load-balancers/servergroups', 'api-pool');
    const send = () =>
      h.request('POST', `/load-balancers/servergroups/${sg}/backendservers`, {
        session: admin,
        headers: { 'X-Job-UUID': jobId },
        body: { params: { servers: [{ ipAddress: '192.168.8.8' }] } },
      });
    expect((await send()).status).toBe(202);
    const again = await send();
    expect(again.status).toBe(400);
    expect(again.text).toBe(`Duplicate job uuid[${jobId}]`);
    const log = await h.control('GET', '/requests');
    const posts = (
      JSON.parse(log.text) as { method: string; status: number; jobUuid: string | null }[]
    ).filter((e) => e.method === 'POST');
    expect(posts.map((p) => [p.status, p.jobUuid])).toEqual([
      [202, jobId],
      [400, null],
    ]);
  });
});
