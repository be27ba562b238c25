import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { zstack } from '../client';
import { callAsyncJob, resumeAsyncJob } from '../jobs';
import { isZStackError, type ZStackError } from '../errors';
import { fakeFetch, json, text } from '../../test/fakeFetch';
import { logOut } from '../../session/api';
import { endSession, expireSession, startSession, type Identity } from '../../session/store';
import { apiLog } from './store';
import { logEntryOf, logEntryOfJob } from './wire';

const session = 'a'.repeat(32);
const admin = (name = 'admin'): Identity => ({ kind: 'account', name, loggedInAt: Date.now() });
const group = '/load-balancers/servergroups/sg1/backendservers';
const add = {
  method: 'POST' as const,
  path: group,
  body: { params: { vmNics: [{ uuid: 'n1', weight: '30' }] } },
};
const failure = (e: unknown) => e as ZStackError;

beforeEach(() => {
  startSession(session, admin());
  apiLog.clear();
});
afterEach(() => {
  endSession();
  vi.unstubAllGlobals();
});

describe('the API layer reports every call to the log', () => {
  it('logs a sync read with its API name, status and answer, the session masked', async () => {
    fakeFetch(() => json(200, { inventories: [{ uuid: 'sg1', sessionUuid: session }] }));
    await zstack.get('/load-balancers/servergroups', { limit: 20 });
    const [entry] = apiLog.getSnapshot();
    expect(entry).toMatchObject({
      apiName: 'QueryLoadBalancerServerGroup',
      method: 'GET',
      path: '/zstack/v1/load-balancers/servergroups',
      query: 'limit=20',
      outcome: 'ok',
      status: 200,
      write: false,
    });
    expect(JSON.stringify(apiLog.getSnapshot())).not.toContain(session);
  });

  it('logs a job once, with its polls and its ZStack error, and the error knows its entry', async () => {
    let polls = 0;
    fakeFetch((call) =>
      call.method === 'POST'
        ? json(202, { location: '/zstack/v1/api-jobs/j' })
        : ++polls < 2
          ? json(202, {})
          : json(503, { error: { code: 'SYS.1006', description: 'failed', details: 'nic n1 is in use' } }),
    );
    const error = failure(await callAsyncJob(add).catch((e: unknown) => e));
    expect(apiLog.getSnapshot()).toHaveLength(1);
    const [entry] = apiLog.getSnapshot();
    expect(entry).toMatchObject({
      apiName: 'AddBackendServerToServerGroup',
      outcome: 'failed',
      status: 503,
      error: { code: 'SYS.1006', details: 'nic n1 is in use' },
      job: { uuid: error.jobUuid, end: 'failed', polls: 2, afterLostAnswer: false },
    });
    expect(JSON.parse(entry!.request!.text)).toEqual(add.body);
    expect(logEntryOf(error)).toBe(entry!.id);
    // a copy the mutation layer makes (a batch position) still finds it, by the job
    expect(logEntryOf(error.inBatch({ done: 0, of: 2 }))).toBe(entry!.id);
  });

  it('logs a done job with its result, and one that settled by its job id after a lost answer', async () => {
    let first = true;
    fakeFetch((call) => {
      if (call.method === 'POST' && first) {
        first = false;
        return text(502, 'Bad Gateway');
      }
      return call.method === 'POST' ? json(202, {}) : json(200, { inventory: { uuid: 'sg1' } });
    });
    const done = await callAsyncJob(add);
    const entry = apiLog.get(logEntryOfJob(done.jobUuid)!);
    expect(entry).toMatchObject({ outcome: 'ok', status: 200, job: { end: 'done', afterLostAnswer: true } });
    expect(JSON.parse(entry!.response!.text)).toEqual({ inventory: { uuid: 'sg1' } });
  });

  it('"check again" settles the same entry, and a sync failure carries its entry', async () => {
    let done = false;
    fakeFetch((call) =>
      call.method === 'POST' ? json(202, {}) : done ? json(200, { ok: 1 }) : json(202, {}),
    );
    const stopped = failure(await callAsyncJob(add, { timeoutMs: 150 }).catch((e: unknown) => e));
    expect(apiLog.getSnapshot()[0]).toMatchObject({ outcome: 'unknown', job: { end: 'stillRunning' } });
    done = true;
    await resumeAsyncJob(stopped.jobUuid!);
    expect(apiLog.getSnapshot()).toHaveLength(1);
    expect(apiLog.getSnapshot()[0]).toMatchObject({ outcome: 'ok', job: { end: 'done' } });

    fakeFetch(() => json(503, { error: { code: 'SYS.1000', description: 'no' } }));
    const error = await zstack.get('/accounts').catch((e: unknown) => e);
    expect(isZStackError(error) && logEntryOf(error)).toBe(apiLog.getSnapshot()[0]!.id);
  });
});

describe('the log and the session', () => {
  it('is emptied on log out, LogOut calls included', async () => {
    fakeFetch(() => json(200, {}));
    await zstack.get('/accounts');
    await logOut();
    expect(apiLog.getSnapshot()).toEqual([]);
  });

  it('keeps a login’s calls, and is emptied when another identity logs in after an expiry', async () => {
    fakeFetch(() => json(200, {}));
    await zstack.get('/accounts');
    expireSession('idle');
    startSession('b'.repeat(32), admin());
    expect(apiLog.getSnapshot()).toHaveLength(1);
    expireSession('idle');
    startSession('c'.repeat(32), admin('other'));
    expect(apiLog.getSnapshot()).toEqual([]);
  });

  it('masks a session restored or set without a login answer', async () => {
    fakeFetch(() => json(200, { note: `session ${session} here` }));
    await zstack.get('/accounts');
    expect(apiLog.getSnapshot()[0]!.response!.text).toBe('{"note":"session <session> here"}');
  });
});
