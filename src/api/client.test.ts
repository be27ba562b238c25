import { afterEach, describe, expect, it, vi } from 'vitest';
import { request, zstack } from './client';
import { ZStackError } from './errors';
import { onSessionExpired, setSessionId } from './session';
import { fakeFetch, json, text } from '../test/fakeFetch';

afterEach(() => {
  vi.unstubAllGlobals();
  setSessionId(undefined);
});

describe('the ZStack client', () => {
  it('sends the session as "OAuth <uuid>" under /zstack/v1', async () => {
    const { calls } = fakeFetch(() => json(200, { inventories: [] }));
    setSessionId('a'.repeat(32));
    await zstack.get('/load-balancers', { limit: 5, q: ['name~=%web%', 'state=Enabled'] });
    expect(calls[0]!.url).toBe('/zstack/v1/load-balancers?limit=5&q=name%7E%3D%25web%25&q=state%3DEnabled');
    expect(calls[0]!.headers.Authorization).toBe(`OAuth ${'a'.repeat(32)}`);
  });

  it('sends no Authorization header when told not to', async () => {
    const { calls } = fakeFetch(() => json(200, {}));
    setSessionId('b'.repeat(32));
    await zstack.del('/accounts/sessions/x', undefined, { auth: false });
    expect(calls[0]!.headers.Authorization).toBeUndefined();
  });

  it('sends nothing without a session, and says the session has ended', async () => {
    const { calls } = fakeFetch(() => json(200, {}));
    setSessionId(undefined);
    await expect(zstack.get('/load-balancers', { limit: 1 })).rejects.toMatchObject({
      code: 'CONSOLE.NO_SESSION',
      description: 'Not logged in',
    });
    expect(calls).toHaveLength(0);
  });

  it('sends no request line longer than a proxy accepts (8192 bytes)', async () => {
    const { calls } = fakeFetch(() => json(200, {}));
    const longest = 8192 - 'GET /zstack/v1/x?q= HTTP/1.1'.length;
    await zstack.get('/x', { q: 'a'.repeat(longest) });
    expect(calls).toHaveLength(1);
    await expect(zstack.get('/x', { q: 'a'.repeat(longest + 1) })).rejects.toMatchObject({
      code: 'CONSOLE.REQUEST_TOO_LONG',
      details: expect.stringContaining('8193 bytes'),
    });
    expect(calls).toHaveLength(1);
  });

  it("turns a 503 body into ZStack's code, description and details", async () => {
    fakeFetch(() =>
      json(503, {
        error: {
          code: 'SYS.1007',
          description: 'One or more API argument is invalid',
          details: 'vmnic uuid is null',
          cause: { code: 'X.1', description: 'inner' },
        },
      }),
    );
    const error = await zstack.get('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZStackError);
    expect(error).toMatchObject({
      code: 'SYS.1007',
      description: 'One or more API argument is invalid',
      details: 'vmnic uuid is null',
      status: 503,
      causeBody: { code: 'X.1', description: 'inner' },
    });
  });

  it('turns a plain-text REST error into CONSOLE.HTTP with the text as details', async () => {
    fakeFetch(() => text(400, "missing header 'Authorization'"));
    await expect(zstack.get('/x')).rejects.toMatchObject({
      code: 'CONSOLE.HTTP',
      description: 'HTTP 400',
      details: "missing header 'Authorization'",
      status: 400,
    });
  });

  it('turns a failed connection into CONSOLE.NETWORK', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(zstack.get('/x')).rejects.toMatchObject({ code: 'CONSOLE.NETWORK', status: 0 });
  });

  it('turns a body that is not JSON into CONSOLE.MALFORMED', async () => {
    fakeFetch(() => text(200, '{"inventories": ['));
    await expect(zstack.get('/x')).rejects.toMatchObject({ code: 'CONSOLE.MALFORMED', status: 200 });
  });

  it('reports ID.1001 to whoever listens for an expired session', async () => {
    fakeFetch(() => json(503, { error: { code: 'ID.1001', description: 'session expired' } }));
    const listener = vi.fn();
    const off = onSessionExpired(listener);
    await expect(zstack.get('/x')).rejects.toMatchObject({ code: 'ID.1001' });
    off();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('returns 202 answers with their status for the job layer', async () => {
    fakeFetch(() => json(202, { location: 'http://node:8080/zstack/v1/api-jobs/abc' }));
    const res = await request('POST', '/x', { body: { params: {} } });
    expect(res).toEqual({ status: 202, data: { location: 'http://node:8080/zstack/v1/api-jobs/abc' } });
  });
});
