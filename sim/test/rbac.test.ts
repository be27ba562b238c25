import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, Harness, type Reply } from './harness.ts';

let h: Harness;
let admin: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await Harness.start({ jobDurationMs: 2 });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control('POST', '/reset');
  admin = await h.login('admin');
  for (const [k, path, name] of [
    ['web-pool', '/load-balancers/servergroups', 'web-pool'],
    ['tenant-pool', '/load-balancers/servergroups', 'tenant-pool'],
    ['oncall', '/iam2/projects/groups', 'oncall'],
    ['bob', '/iam2/virtual-ids', 'bob'],
    ['alice', '/iam2/virtual-ids', 'alice'],
    ['opsAccount', '/accounts', 'ops'],
    ['devAccount', '/accounts', 'dev'],
    ['tenantAccount', '/accounts', 'tenant'],
  ] as const) {
    ids[k] = await h.uuidOf(path, name, admin);
  }
  ids.web1 = (await h.nicOf('web-1')).uuid;
  ids.web2 = (await h.nicOf('web-2')).uuid;
  ids.tenantNic = (await h.nicOf('tenant-vm-1')).uuid;
});

type Persona = { name: string; login: () => Promise<string>; account: () => string };
const P = (name: string, login: () => Promise<string>, account: () => string): Persona => ({
  name,
  login,
  account,
});
const IAM2_ACCOUNT = '2dce5dc485554d21a3796500c1db007a';
const personas: Record<string, Persona> = {
  admin: P(
    'admin',
    () => h.login('admin'),
    () => '36c27e8ff05c4780bf6d2fa65700f22e',
  ),
  tenant: P(
    'tenant',
    () => h.login('tenant'),
    () => ids.tenantAccount ?? '',
  ),
  platformAdmin: P(
    'platform-admin',
    () => h.loginVid('platform-admin'),
    () => IAM2_ACCOUNT,
  ),
  opsAdmin: P(
    'ops-admin@ops',
    () => h.loginVid('ops-admin', 'ops'),
    () => ids.opsAccount ?? '',
  ),
  opsOperator: P(
    'ops-operator@ops',
    () => h.loginVid('ops-operator', 'ops'),
    () => ids.opsAccount ?? '',
  ),
  lbOperator: P(
    'lb-operator@ops',
    () => h.loginVid('lb-operator', 'ops'),
    () => ids.opsAccount ?? '',
  ),
  lbViewer: P(
    'lb-viewer@ops',
    () => h.loginVid('lb-viewer', 'ops'),
    () => ids.opsAccount ?? '',
  ),
  auditor: P(
    'auditor@ops',
    () => h.loginVid('auditor', 'ops'),
    () => ids.opsAccount ?? '',
  ),
  devAdmin: P(
    'dev-admin@dev',
    () => h.loginVid('dev-admin', 'dev'),
    () => ids.devAccount ?? '',
  ),
  newbie: P(
    'newbie (no project)',
    () => h.loginVid('newbie'),
    () => IAM2_ACCOUNT,
  ),
  opsAdminNoProject: P(
    'ops-admin (no project)',
    () => h.loginVid('ops-admin'),
    () => IAM2_ACCOUNT,
  ),
};

const ADD = 'org.zstack.network.service.lb.APIAddBackendServerToServerGroupMsg';
const REMOVE = 'org.zstack.network.service.lb.APIRemoveBackendServerFromServerGroupMsg';
const CHANGE = 'org.zstack.network.service.lb.APIChangeLoadBalancerBackendServerMsg';
const ADD_VIDS = 'org.zstack.iam2.api.APIAddIAM2VirtualIDsToGroupMsg';
const REMOVE_VIDS = 'org.zstack.iam2.api.APIRemoveIAM2VirtualIDsFromGroupMsg';

type Op = 'add' | 'remove' | 'change' | 'addVids' | 'removeVids';
const ops: Record<Op, { api: string; run: (s: string) => Promise<Reply> }> = {
  add: {
    api: ADD,
    run: (s) =>
      h.call('POST', `/load-balancers/servergroups/${ids['web-pool']}/backendservers`, {
        session: s,
        body: { params: { vmNics: [{ uuid: ids.web2 }] } },
      }),
  },
  remove: {
    api: REMOVE,
    run: (s) =>
      h.call('PUT', `/load-balancers/servergroups/${ids['web-pool']}/backendservers/actions`, {
        session: s,
        body: { removeBackendServerFromServerGroup: { vmNicUuids: [ids.web1] } },
      }),
  },
  change: {
    api: CHANGE,
    run: (s) =>
      h.call('PUT', `/load-balancers/servergroups/${ids['web-pool']}/backendserver/actions`, {
        session: s,
        body: { changeLoadBalancerBackendServer: { vmNics: [{ uuid: ids.web1, weight: '50' }] } },
      }),
  },
  addVids: {
    api: ADD_VIDS,
    run: (s) =>
      h.call('POST', `/iam2/projects/groups/${ids.oncall}/virtual-ids`, {
        session: s,
        body: { params: { virtualIDUuids: [ids.bob] } },
      }),
  },
  removeVids: {
    api: REMOVE_VIDS,
    run: (s) =>
      h.call('DELETE', `/iam2/projects/groups/${ids.oncall}/virtual-ids?virtualIDUuids=${ids.alice}`, {
        session: s,
      }),
  },
};

type Expect = 'ok' | 'noAccess' | 'notOwner' | 'byDefault' | 'byPolicy' | 'adminOnly';
const lbOps: Op[] = ['add', 'remove', 'change'];
const groupOps: Op[] = ['addVids', 'removeVids'];
const matrix: [keyof typeof personas, Expect, Expect][] = [
  ['admin', 'ok', 'ok'],
  ['tenant', 'noAccess', 'adminOnly'],
  ['platformAdmin', 'ok', 'ok'],
  ['opsAdmin', 'ok', 'ok'],
  ['opsOperator', 'ok', 'ok'],
  ['lbOperator', 'ok', 'byDefault'],
  ['lbViewer', 'byPolicy', 'byDefault'],
  ['auditor', 'byDefault', 'byDefault'],
  ['devAdmin', 'noAccess', 'notOwner'],
  ['newbie', 'byDefault', 'byDefault'],
  ['opsAdminNoProject', 'byDefault', 'byDefault'],
];

async function state() {
  const sg = await h.get(`/load-balancers/servergroups/${ids['web-pool']}`, admin);
  const g = sg.json?.inventories as { vmNicRefs: { vmNicUuid: string; weight: number }[] }[];
  const m = await h.get(`/iam2/IAM2VirtualIDGroup/IAM2VirtualID?groupUuid=${ids.oncall}`, admin);
  return {
    refs: g[0]?.vmNicRefs.map((r) => [r.vmNicUuid, r.weight]),
    members: (m.json?.inventories as { uuid: string }[]).map((v) => v.uuid),
  };
}

function check(r: Reply, expected: Expect, persona: Persona, op: Op, target: string, targetType: string) {
  const label = `${persona.name} ${op}`;
  if (expected === 'ok') {
    expect(r.status, `${label}: ${r.text}`).toBe(200);
    return;
  }
  expect(r.status, label).toBe(503);
  const e = errorOf(r);
  const api = ops[op].api;
  const account = persona.account();
  const want: Record<Exclude<Expect, 'ok'>, [string, string]> = {
    noAccess: [
      'SYS.1006',
      `the account[uuid:${account}] has no access to the resources[uuid:[${target}], type:${targetType}]`,
    ],
    notOwner: [
      'SYS.1006',
      `permission denied, the account[uuid:${account}] is not the owner of the resource[uuid:${target}, type:${targetType}]`,
    ],
    byDefault: ['SYS.1006', `operation[API:${api}] is denied by default, please contact admin to correct it`],
    byPolicy: ['SYS.1006', 'the operation is denied by the policy[name:deny-lb-backend-writes uuid:'],
    adminOnly: ['ID.1002', `request api[name: ${api}] is admin only, can not be executed by current user`],
  };
  const [code, details] = want[expected];
  expect(e.code, label).toBe(code);
  if (expected === 'byPolicy') expect(e.details, label).toContain(details);
  else expect(e.details, label).toBe(details);
}

describe('the RBAC matrix: each persona x each write', () => {
  for (const [key, lbExpect, groupExpect] of matrix) {
    const persona = personas[key];
    if (!persona) continue;
    it(`${persona.name}: backends ${lbExpect}, group members ${groupExpect}`, async () => {
      for (const op of [...lbOps, ...groupOps]) {
        await h.control('POST', '/reset');
        admin = await h.login('admin');
        const before = await state();
        const session = await persona.login();
        const expected = lbOps.includes(op) ? lbExpect : groupExpect;
        const r = await ops[op].run(session);
        const isLb = lbOps.includes(op);
        check(
          r,
          expected,
          persona,
          op,
          isLb ? (ids['web-pool'] ?? '') : (ids.oncall ?? ''),
          isLb ? 'LoadBalancerServerGroupVO' : 'IAM2VirtualIDGroupVO',
        );
        const after = await state();
        if (expected === 'ok') expect(after, `${persona.name} ${op} changed state`).not.toEqual(before);
        else expect(after, `${persona.name} ${op} must not change state`).toEqual(before);
        // The permission hint agrees with the policy decision.
        const hint = await h.request('PUT', '/accounts/permissions/actions', {
          session,
          body: { checkApiPermission: { apiNames: [ops[op].api] } },
        });
        const allowed = !['byDefault', 'byPolicy', 'adminOnly'].includes(expected);
        expect(
          (hint.json?.inventory as Record<string, string>)[ops[op].api],
          `${persona.name} hint ${op}`,
        ).toBe(allowed ? 'Allow' : 'Deny');
      }
    });
  }

  it('lets a normal account change its own group, and dev-admin its own project', async () => {
    const tenant = await h.login('tenant');
    const r = await h.call('POST', `/load-balancers/servergroups/${ids['tenant-pool']}/backendservers`, {
      session: tenant,
      body: { params: { vmNics: [{ uuid: ids.tenantNic }] } },
    });
    expect(r.status).toBe(200);
    const dev = await h.loginVid('dev-admin', 'dev');
    const devPool = await h.uuidOf('/load-balancers/servergroups', 'dev-pool', admin);
    const c = await h.call('PUT', `/load-balancers/servergroups/${devPool}/backendservers/actions`, {
      session: dev,
      body: { removeBackendServerFromServerGroup: { serverIps: ['192.168.100.10'] } },
    });
    expect(c.status).toBe(200);
  });

  it('refuses removing another account\'s NIC with "has no access" (VmNicVO)', async () => {
    const tenant = await h.login('tenant');
    const r = await h.call(
      'PUT',
      `/load-balancers/servergroups/${ids['tenant-pool']}/backendservers/actions`,
      {
        session: tenant,
        body: { removeBackendServerFromServerGroup: { vmNicUuids: [ids.web1] } },
      },
    );
    expect(errorOf(r)).toMatchObject({
      code: 'SYS.1006',
      details: `the account[uuid:${ids.tenantAccount}] has no access to the resources[uuid:[${ids.web1}], type:VmNicVO]`,
    });
  });
});

describe('what each identity can read', () => {
  const names = async (path: string, session: string) =>
    ((await h.get(path, session)).json?.inventories as { name: string }[]).map((i) => i.name);

  it('admin and the platform admin see everything', async () => {
    for (const s of [admin, await h.loginVid('platform-admin')]) {
      expect(await names('/load-balancers', s)).toEqual(['web-lb', 'shared-lb', 'tenant-lb', 'dev-lb']);
      expect(await names('/iam2/projects', s)).toEqual(['ops', 'dev', 'empty-proj']);
      expect(await names('/iam2/projects/groups', s)).toEqual(['oncall', 'sre', 'dev-team']);
    }
  });

  it('a normal account sees what it owns and nothing of IAM2', async () => {
    const s = await h.login('tenant');
    expect(await names('/load-balancers', s)).toEqual(['tenant-lb']);
    expect(await names('/load-balancers/servergroups', s)).toEqual(['tenant-pool']);
    expect(await names('/vm-instances', s)).toEqual(['tenant-vm-1']);
    expect(await names('/l3-networks', s)).toEqual(['tenant-net']);
    expect(await names('/accounts', s)).toEqual(['tenant']);
    expect(await names('/iam2/projects', s)).toEqual([]);
    expect(await names('/iam2/virtual-ids', s)).toEqual([]);
    const cand = await h.get(
      `/load-balancers/servergroups/candidate-nics?servergroupUuid=${ids['web-pool']}`,
      s,
    );
    expect(cand.json?.inventories).toEqual([]);
  });

  it('a project session sees its project: resources, groups, members', async () => {
    for (const who of ['ops-admin', 'auditor', 'lb-operator']) {
      const s = await h.loginVid(who, 'ops');
      expect(await names('/load-balancers', s), who).toEqual(['web-lb']);
      expect(await names('/iam2/projects', s), who).toEqual(['ops']);
      expect(await names('/iam2/projects/groups', s), who).toEqual(['oncall', 'sre']);
      const members = await names('/iam2/virtual-ids', s);
      expect(members, who).toContain('alice');
      expect(members, who).not.toContain('dave');
      expect(await names('/accounts', s), who).toEqual(['ops']);
    }
    const dev = await h.loginVid('dev-admin', 'dev');
    expect(await names('/load-balancers', dev)).toEqual(['dev-lb']);
    expect(await names('/iam2/virtual-ids', dev)).toEqual(['dev-admin', 'dave']);
    const oncall = await h.get(`/iam2/IAM2VirtualIDGroup/IAM2VirtualID?groupUuid=${ids.oncall}`, dev);
    expect(oncall.json?.inventories).toEqual([]);
    expect(await names(`/load-balancers/servergroups/${ids['web-pool']}`, dev)).toEqual([]);
  });

  it('the project admin sees a project without groups', async () => {
    const s = await h.loginVid('ops-admin', 'empty-proj');
    expect(await names('/iam2/projects', s)).toEqual(['empty-proj']);
    expect(await names('/iam2/projects/groups', s)).toEqual([]);
  });

  it('a virtual ID without a project sees itself and its projects, nothing inside them', async () => {
    const s = await h.loginVid('ops-admin');
    expect(await names('/iam2/virtual-ids', s)).toEqual(['ops-admin']);
    expect(await names('/iam2/projects', s)).toEqual(['ops', 'empty-proj']);
    expect(await names('/iam2/projects/groups', s)).toEqual([]);
    expect(await names('/load-balancers', s)).toEqual([]);
    const attrs = await h.get('/iam2/virtual-ids/attributes', s);
    expect((attrs.json?.inventories as { name: string }[]).map((a) => a.name)).toEqual(['__ProjectAdmin__']);
    const newbie = await h.loginVid('newbie');
    expect(await names('/iam2/virtual-ids', newbie)).toEqual(['newbie']);
    expect(await names('/iam2/projects', newbie)).toEqual([]);
  });

  it('roles are visible to the virtual IDs holding them', async () => {
    const s = await h.loginVid('lb-operator', 'ops');
    const r = await h.get('/identities/roles', s);
    const roles = r.json?.inventories as {
      uuid: string;
      name: string;
      statements: { statement: { actions: string[] } }[];
    }[];
    expect(roles.map((x) => [x.uuid, x.name])).toEqual([
      ['cfc42f6e27be4fcc9e93b09356074e7e', 'load-balancer'],
    ]);
    expect(roles[0]?.statements[0]?.statement.actions).toContain('org.zstack.network.service.lb.**');
  });
});
