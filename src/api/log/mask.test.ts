import { describe, expect, it } from 'vitest';
import { ApiLogStore } from './store';
import { exportLog } from './export';

const session = 'a'.repeat(24) + '0123abcd';
const projectSession = 'b'.repeat(24) + '4567cdef';
const hash = 'f'.repeat(128);

/** Everything the log could ever show: its snapshot and its export. */
const everything = (log: ApiLogStore) => JSON.stringify(log.getSnapshot()) + exportLog(log.getSnapshot());

describe('API log masking', () => {
  it('keeps no password hash and no session from a login, nor from the calls that use it', () => {
    const log = new ApiLogStore();
    const login = log.begin({
      method: 'PUT',
      url: '/zstack/v1/accounts/login',
      body: { logInByAccount: { accountName: 'admin', password: hash } },
    });
    log.answered(login, 200, { inventory: { uuid: session, accountUuid: 'c'.repeat(32) } });
    const read = log.begin({
      method: 'GET',
      url: `/zstack/v1/accounts?q=uuid%3D${'c'.repeat(32)}&limit=1`,
      authorization: `OAuth ${session}`,
    });
    log.failed(read, {
      code: 'ID.1001',
      description: 'Session expired',
      details: `the session[uuid:${session}] expired`,
      status: 503,
    });

    const text = everything(log);
    expect(text).not.toContain(session);
    expect(text).not.toContain(hash);
    const [failed, loggedIn] = log.getSnapshot();
    expect(loggedIn?.request?.text).toBe('{"logInByAccount":{"accountName":"admin","password":"********"}}');
    expect(JSON.parse(loggedIn!.response!.text)).toEqual({
      inventory: { uuid: '<session>', accountUuid: 'c'.repeat(32) },
    });
    expect(failed?.error?.details).toBe('the session[uuid:<session>] expired');
  });

  it('masks password members at any depth, in arrays too, and password parameters of a query', () => {
    const log = new ApiLogStore();
    const id = log.begin({
      method: 'PUT',
      url: '/zstack/v1/iam2/virtual-ids/login?password=plain&x=1',
      body: { loginIAM2VirtualID: { name: 'ops-admin', password: hash, more: [{ newPassword: 'p2' }] } },
    });
    const entry = log.get(id)!;
    expect(JSON.parse(entry.request!.text)).toEqual({
      loginIAM2VirtualID: { name: 'ops-admin', password: '********', more: [{ newPassword: '********' }] },
    });
    expect(entry.query).toBe('password=********&x=1');
    expect(everything(log)).not.toContain(hash);
  });

  it('masks the session of LogOut, ValidateSession and RenewSession paths, and learns it', () => {
    const log = new ApiLogStore();
    log.begin({ method: 'GET', url: `/zstack/v1/accounts/sessions/${session}/valid` });
    const renew = log.begin({
      method: 'PUT',
      url: `/zstack/v1/accounts/sessions/${projectSession}/renew`,
      body: { renewSession: { duration: 3600 } },
      jobUuid: 'd'.repeat(32),
    });
    log.answered(renew, 202, { location: 'http://node:8080/zstack/v1/api-jobs/' + 'd'.repeat(32) });
    log.jobDone(renew, { inventory: { uuid: projectSession, expiredDate: 'Jan 6, 2017 3:51:16 AM' } });
    const logout = log.begin({ method: 'DELETE', url: `/zstack/v1/accounts/sessions/${session}` });
    log.answered(logout, 200, {});
    // the same id anywhere else is masked too, once learnt from a path
    log.begin({ method: 'GET', url: `/zstack/v1/vm-instances?q=description%3D${session}&limit=1` });

    const [query, out, renewed, valid] = log.getSnapshot();
    expect(valid?.path).toBe('/zstack/v1/accounts/sessions/<session>/valid');
    expect(valid?.apiName).toBe('ValidateSession');
    expect(renewed?.path).toBe('/zstack/v1/accounts/sessions/<session>/renew');
    expect(JSON.parse(renewed!.response!.text).inventory.uuid).toBe('<session>');
    expect(out?.path).toBe('/zstack/v1/accounts/sessions/<session>');
    expect(out?.apiName).toBe('LogOut');
    expect(query?.query).toBe('q=description%3D<session>&limit=1');
    expect(everything(log)).not.toContain(session);
    expect(everything(log)).not.toContain(projectSession);
  });

  it('masks a known session inside a plain-text answer and in object keys', () => {
    const log = new ApiLogStore();
    const id = log.begin({ method: 'GET', url: '/zstack/v1/vips', authorization: `OAuth ${session}` });
    log.answered(id, 200, { [session]: 'Allow' });
    const bad = log.begin({ method: 'GET', url: '/zstack/v1/vips', authorization: `OAuth ${session}` });
    log.answered(bad, 200, `no session ${session}`);
    expect(everything(log)).not.toContain(session);
    expect(log.get(bad)?.response).toEqual({
      text: 'no session <session>',
      size: 20,
      truncated: false,
      plain: true,
    });
  });

  it('masks a session it was told the console holds before any call used it', () => {
    const log = new ApiLogStore();
    log.knowSession(session);
    const id = log.begin({ method: 'GET', url: `/zstack/v1/vips?q=uuid%3D${session}&limit=1` });
    expect(log.get(id)?.query).toBe('q=uuid%3D<session>&limit=1');
  });

  it('forgets the sessions it learnt when cleared, with every entry', () => {
    const log = new ApiLogStore();
    log.begin({ method: 'GET', url: '/zstack/v1/vips', authorization: `OAuth ${session}` });
    log.clear();
    expect(log.getSnapshot()).toEqual([]);
    const id = log.begin({ method: 'GET', url: `/zstack/v1/vips?q=uuid%3D${session}&limit=1` });
    // a session of before the log-out is nothing the console holds any more
    expect(log.get(id)?.query).toContain(session);
  });
});
