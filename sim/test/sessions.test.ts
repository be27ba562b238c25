import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, Harness, PASSWORD_HASH, sha512 } from './harness.ts';

const IAM2_ACCOUNT = '2dce5dc485554d21a3796500c1db007a';
let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control('POST', '/reset');
});

const loginBody = (accountName: string, password: string) => ({
  body: { logInByAccount: { accountName, password } },
});
const vidBody = (name: string, password: string) => ({ body: { loginIAM2VirtualID: { name, password } } });

describe('LogInByAccount', () => {
  it('returns a session for the admin account', async () => {
    const r = await h.request('PUT', '/accounts/login', loginBody('admin', PASSWORD_HASH));
    expect(r.status).toBe(200);
    const s = r.json?.inventory as Record<string, string>;
    expect(s.uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(s).toMatchObject({
      accountUuid: '36c27e8ff05c4780bf6d2fa65700f22e',
      userUuid: '36c27e8ff05c4780bf6d2fa65700f22e',
      userType: 'AccountVO',
    });
    expect(Object.keys(s)).toEqual([
      'uuid',
      'accountUuid',
      'userUuid',
      'userType',
      'expiredDate',
      'createDate',
      // @APINoSee hides it from SDKs, but the REST layer's Gson writes it (SessionInventory)
      'noSessionEvaluation',
    ]);
    expect(s.noSessionEvaluation).toBe(false);
  });

  it('refuses a wrong password, an unknown account and a plain-text password with ID.1000', async () => {
    for (const [name, pw] of [
      ['admin', sha512('wrong')],
      ['nobody', PASSWORD_HASH],
      ['admin', 'password'],
    ] as const) {
      const r = await h.request('PUT', '/accounts/login', loginBody(name, pw));
      expect(r.status).toBe(503);
      expect(errorOf(r)).toMatchObject({ code: 'ID.1000', details: 'wrong account name or password' });
    }
  });

  it('checks mandatory parameters first (SYS.1007)', async () => {
    const r = await h.request('PUT', '/accounts/login', {
      body: { logInByAccount: { accountName: 'admin' } },
    });
    expect(r.status).toBe(503);
    expect(errorOf(r)).toMatchObject({
      code: 'SYS.1007',
      details:
        'field[password] of message[org.zstack.header.message.ApiMessageParamValidator] is mandatory, can not be null',
    });
  });

  it('lets the normal account tenant in', async () => {
    const s = await h.login('tenant');
    expect(s).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('IAM2 login', () => {
  it('logs a virtual ID in without a project, on the IAM2 account', async () => {
    const r = await h.request('PUT', '/iam2/virtual-ids/login', vidBody('ops-admin', PASSWORD_HASH));
    expect(r.status).toBe(200);
    const vid = await h.uuidOf('/iam2/virtual-ids', 'ops-admin');
    expect(r.json?.inventory).toMatchObject({
      accountUuid: IAM2_ACCOUNT,
      userUuid: vid,
      userType: 'IAM2VirtualIDVO',
    });
  });

  it('refuses wrong credentials and disabled virtual IDs with ID.1000', async () => {
    const wrong = await h.request('PUT', '/iam2/virtual-ids/login', vidBody('ops-admin', sha512('x')));
    expect(errorOf(wrong)).toMatchObject({
      code: 'ID.1000',
      details: 'wrong virtual ID[name:ops-admin], not existing or wrong password',
    });
    const disabled = await h.request('PUT', '/iam2/virtual-ids/login', vidBody('eve', PASSWORD_HASH));
    expect(errorOf(disabled)).toMatchObject({ code: 'ID.1000', details: 'virtual ID[name:eve] is disabled' });
    const staled = await h.request('PUT', '/iam2/virtual-ids/login', vidBody('mallory', PASSWORD_HASH));
    expect(errorOf(staled)).toMatchObject({ code: 'SYS.1006' });
    expect(errorOf(staled).details).toContain('is staled');
  });

  it('lists the projects of the virtual ID', async () => {
    const s = await h.loginVid('ops-admin');
    const r = await h.get('/iam2/virtual-ids/projects', s);
    expect(r.status).toBe(200);
    expect((r.json?.inventories as { name: string }[]).map((p) => p.name)).toEqual(['ops', 'empty-proj']);
    const none = await h.get('/iam2/virtual-ids/projects', await h.loginVid('newbie'));
    expect(none.json?.inventories).toEqual([]);
    const platform = await h.get('/iam2/virtual-ids/projects', await h.loginVid('platform-admin'));
    expect((platform.json?.inventories as unknown[]).length).toBe(3);
  });

  it('logs into a project with a new session acting as the project account', async () => {
    const s = await h.loginVid('lb-operator');
    const r = await h.request('PUT', '/iam2/projects/login', {
      session: s,
      body: { loginIAM2Project: { projectName: 'ops' } },
    });
    expect(r.status).toBe(200);
    const inv = r.json?.inventory as Record<string, string>;
    expect(inv.uuid).not.toBe(s);
    const admin = await h.login('admin');
    const ops = await h.get('/iam2/projects?q=name%3Dops', admin);
    const linked = (ops.json?.inventories as { linkedAccountUuid: string }[])[0]?.linkedAccountUuid;
    expect(inv.accountUuid).toBe(linked);
    expect(inv.userUuid).toBe(await h.uuidOf('/iam2/virtual-ids', 'lb-operator'));
  });

  it('refuses a project the virtual ID is not in, or that does not exist', async () => {
    const s = await h.loginVid('dave');
    const r = await h.request('PUT', '/iam2/projects/login', {
      session: s,
      body: { loginIAM2Project: { projectName: 'ops' } },
    });
    expect(errorOf(r)).toMatchObject({
      code: 'ID.1000',
      details: 'virtual ID[name:dave] not belonging to the project[name:ops]',
    });
    const missing = await h.request('PUT', '/iam2/projects/login', {
      session: s,
      body: { loginIAM2Project: { projectName: 'nope' } },
    });
    expect(errorOf(missing)).toMatchObject({ code: 'ID.1000', details: 'project[name:nope] not existing' });
  });

  it('needs a valid session for LoginIAM2Project', async () => {
    const r = await h.request('PUT', '/iam2/projects/login', {
      session: '0'.repeat(32),
      body: { loginIAM2Project: { projectName: 'ops' } },
    });
    expect(r.status).toBe(503);
    expect(errorOf(r)).toMatchObject({ code: 'ID.1001' });
  });
});

describe('LogOut, ValidateSession, RenewSession', () => {
  it('validates without extending and logs out without auth', async () => {
    const s = await h.login('admin');
    const v = await h.get(`/accounts/sessions/${s}/valid`);
    expect(v.status).toBe(200);
    expect(v.json).toEqual({ valid: true });
    const out = await h.request('DELETE', `/accounts/sessions/${s}`);
    expect(out.status).toBe(200);
    expect(out.text).toBe('{}');
    expect((await h.get(`/accounts/sessions/${s}/valid`)).json).toEqual({ valid: false });
    const q = await h.get('/load-balancers', s);
    expect(q.status).toBe(503);
    expect(errorOf(q)).toEqual({
      code: 'ID.1001',
      description: 'The session is invalid, either wrong session id or the session has been expired',
      details: 'Session expired',
    });
  });

  it('renews a session through a job', async () => {
    const s = await h.login('admin');
    const r = await h.call('PUT', `/accounts/sessions/${s}/renew`, {
      session: s,
      body: { renewSession: { duration: 3600 } },
    });
    expect(r.status).toBe(200);
    expect((r.json?.inventory as { uuid: string }).uuid).toBe(s);
    const tooShort = await h.call('PUT', `/accounts/sessions/${s}/renew`, {
      session: s,
      body: { renewSession: { duration: 5 } },
    });
    expect(errorOf(tooShort)).toMatchObject({
      code: 'SYS.1007',
      details: 'field[duration] must be in range of [60, 31536000]',
    });
    const notNumber = await h.request('PUT', `/accounts/sessions/${s}/renew`, {
      session: s,
      body: { renewSession: { duration: 'soon' } },
    });
    expect(notNumber.status).toBe(400);
    expect(notNumber.text).toBe('[duration] field is excepted an int or long, but was [soon].');
  });

  it('answers an expired session with ID.1001 on sync APIs and through the job on async ones', async () => {
    const s = await h.login('admin');
    const expired = await h.control('POST', '/sessions/expire');
    expect(expired.json?.expired).toBeGreaterThanOrEqual(1);
    expect(errorOf(await h.get('/load-balancers', s)).code).toBe('ID.1001');
    const sg = await h.uuidOf('/load-balancers/servergroups', 'api-pool', await h.login('admin'));
    const job = await h.request('POST', `/load-balancers/servergroups/${sg}/backendservers`, {
      session: s,
      body: { params: { servers: [{ ipAddress: '1.2.3.4' }] } },
    });
    expect(job.status).toBe(202);
    expect(errorOf(await h.waitJob(String(job.json?.location))).code).toBe('ID.1001');
  });

  it('checks parameter annotations before the session', async () => {
    const r = await h.call(
      'POST',
      '/load-balancers/servergroups/0123456789abcdef0123456789abcdef/backendservers',
      {
        session: 'ffffffffffffffffffffffffffffffff',
        body: { params: {} },
      },
    );
    expect(errorOf(r)).toMatchObject({
      code: 'SYS.1003',
      details:
        'invalid field[serverGroupUuid], resource[uuid:0123456789abcdef0123456789abcdef, type:LoadBalancerServerGroupVO] not found',
    });
  });
});

describe('sliding expiry', () => {
  let short: Harness;
  beforeAll(async () => {
    short = await Harness.start({ sessionTimeoutSec: 1 });
  });
  afterAll(() => short.close());

  it('keeps a session alive while it is used and lets it expire when idle', async () => {
    const s = await short.login('admin');
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 400));
      expect((await short.get('/load-balancers?limit=1', s)).status).toBe(200);
    }
    // ValidateSession and job polls do not count as use.
    await new Promise((r) => setTimeout(r, 600));
    expect((await short.get(`/accounts/sessions/${s}/valid`)).json).toEqual({ valid: true });
    await new Promise((r) => setTimeout(r, 600));
    expect((await short.get(`/accounts/sessions/${s}/valid`)).json).toEqual({ valid: false });
    expect(errorOf(await short.get('/load-balancers', s)).code).toBe('ID.1001');
  });

  it('takes a new session timeout from /__sim/config and restores it on reset', async () => {
    const r = await short.control('POST', '/config', { sessionTimeoutSec: 60 });
    expect(r.json).toMatchObject({ sessionTimeoutSec: 60 });
    const s = await short.login('admin');
    await new Promise((res) => setTimeout(res, 1200));
    expect((await short.get(`/accounts/sessions/${s}/valid`)).json).toEqual({ valid: true });
    await short.control('POST', '/reset');
    expect((await short.control('GET', '/config')).json).toMatchObject({ sessionTimeoutSec: 1 });
  });
});

describe('permission hints', () => {
  const ADD = 'org.zstack.network.service.lb.APIAddBackendServerToServerGroupMsg';
  const GROUP = 'org.zstack.iam2.api.APIAddIAM2VirtualIDsToGroupMsg';
  const check = async (session: string, apiNames: unknown) =>
    h.request('PUT', '/accounts/permissions/actions', {
      session,
      body: { checkApiPermission: { apiNames } },
    });

  it('answers CheckApiPermission per identity', async () => {
    const cases: [string, Promise<string>, string, string][] = [
      ['admin', h.login('admin'), 'Allow', 'Allow'],
      ['tenant', h.login('tenant'), 'Allow', 'Deny'],
      ['ops-admin', h.loginVid('ops-admin', 'ops'), 'Allow', 'Allow'],
      ['ops-operator', h.loginVid('ops-operator', 'ops'), 'Allow', 'Allow'],
      ['lb-operator', h.loginVid('lb-operator', 'ops'), 'Allow', 'Deny'],
      ['lb-viewer', h.loginVid('lb-viewer', 'ops'), 'Deny', 'Deny'],
      ['auditor', h.loginVid('auditor', 'ops'), 'Deny', 'Deny'],
      ['newbie', h.loginVid('newbie'), 'Deny', 'Deny'],
      ['platform-admin', h.loginVid('platform-admin'), 'Allow', 'Allow'],
    ];
    for (const [who, session, add, group] of cases) {
      const r = await check(await session, [ADD, GROUP]);
      expect(r.status, who).toBe(200);
      expect(r.json?.inventory, who).toEqual({ [ADD]: add, [GROUP]: group });
    }
  });

  it('refuses unknown API names and an empty list', async () => {
    const s = await h.login('admin');
    expect(errorOf(await check(s, ['org.example.APINopeMsg']))).toMatchObject({
      code: 'SYS.1007',
      details: 'org.example.APINopeMsg is not an API',
    });
    expect(errorOf(await check(s, []))).toMatchObject({
      code: 'SYS.1007',
      details: 'field[apiNames] must be a nonempty list',
    });
  });

  it('answers GetIAM2VirtualIDAPIPermission consistently', async () => {
    const s = await h.loginVid('lb-operator', 'ops');
    const r = await h.get(`/iam2/virtual-ids/api-permissions?apisToCheck=${ADD}&apisToCheck=${GROUP}`, s);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      permissions: { [ADD]: { allow: true }, [GROUP]: { allow: false } },
      noPermission: false,
    });
    const auditor = await h.get(
      `/iam2/virtual-ids/api-permissions?apisToCheck.0=${ADD}`,
      await h.loginVid('auditor', 'ops'),
    );
    expect(auditor.json).toEqual({ permissions: { [ADD]: { allow: false } }, noPermission: true });
    const all = await h.get('/iam2/virtual-ids/api-permissions', s);
    expect(Object.keys(all.json?.permissions as object).length).toBeGreaterThan(20);
  });
});
