/** Sessions and permission hints. */
import { authErr, argerr, operr, sessionErr } from '../core/errors.ts';
import { KNOWN_APIS, policyError, type Identity } from '../core/rbac.ts';
import { API, IAM2_ACCOUNT_UUID } from '../model/constants.ts';
import { projectInventory, sessionInventory } from '../model/inventory.ts';
import type { ActionApiDef, ApiCall } from '../rest/api.ts';

/** MySQL's default collation compares names (and the stored password hashes) case-insensitively. */
const same = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

function need<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('missing value after parameter checks');
  return v;
}

function identity(call: ApiCall): Identity {
  return need(call.identity);
}

const logInByAccount: ActionApiDef = {
  name: API.logIn,
  method: 'PUT',
  path: '/accounts/login',
  mode: 'sync',
  needSession: false,
  paramName: 'logInByAccount',
  params: [
    { name: 'accountName', type: 'string', required: true },
    { name: 'password', type: 'string', required: true },
    { name: 'accountType', type: 'string' },
    { name: 'captchaUuid', type: 'string' },
    { name: 'verifyCode', type: 'string' },
  ],
  run({ state, params }) {
    const name = params.str('accountName');
    const password = params.str('password');
    const account = state.world.accounts.list.find(
      (a) => same(a.name, name) && same(a.passwordHash, password),
    );
    if (!account) throw authErr('wrong account name or password');
    const s = state.sessions.create({
      accountUuid: account.uuid,
      userUuid: account.uuid,
      userType: 'AccountVO',
    });
    return { inventory: sessionInventory(s) };
  },
};

const loginVirtualId: ActionApiDef = {
  name: API.loginVid,
  method: 'PUT',
  path: '/iam2/virtual-ids/login',
  mode: 'sync',
  needSession: false,
  paramName: 'loginIAM2VirtualID',
  params: [
    { name: 'name', type: 'string', required: true },
    { name: 'password', type: 'string', required: true },
    { name: 'captchaUuid', type: 'string' },
    { name: 'verifyCode', type: 'string' },
  ],
  run({ state, params }) {
    const name = params.str('name') ?? '';
    const vid = state.world.virtualIds.list.find(
      (v) => same(v.name, name) && same(v.passwordHash, params.str('password')),
    );
    if (!vid) throw authErr('wrong virtual ID[name:%s], not existing or wrong password', name);
    if (vid.state === 'Disabled') throw authErr('virtual ID[name:%s] is disabled', vid.name);
    if (vid.state === 'Staled')
      throw operr(
        'Can not do operations, because Current virtualID[uuid:%s] is staled, please enable it',
        vid.uuid,
      );
    const s = state.sessions.create({
      accountUuid: IAM2_ACCOUNT_UUID,
      userUuid: vid.uuid,
      userType: 'IAM2VirtualIDVO',
      virtualIdUuid: vid.uuid,
    });
    return { inventory: sessionInventory(s) };
  },
};

const loginProject: ActionApiDef = {
  name: API.loginProject,
  method: 'PUT',
  path: '/iam2/projects/login',
  mode: 'sync',
  needSession: true,
  paramName: 'loginIAM2Project',
  params: [{ name: 'projectName', type: 'string', required: true }],
  run(call) {
    const { state, params } = call;
    const id = identity(call);
    const vid = id.virtualId;
    if (!vid) throw authErr('wrong virtual ID[uuid:%s], not existing or wrong password', id.session.userUuid);
    const name = params.str('projectName') ?? '';
    const project = state.world.projects.list.find((p) => same(p.name, name) && p.state !== 'Deleted');
    if (!project) throw authErr('project[name:%s] not existing', name);
    if (vid.state === 'Disabled') throw authErr('virtual ID[name:%s] is disabled', vid.name);
    if (!project.memberUuids.has(vid.uuid) && !id.platformAdmin) {
      throw authErr('virtual ID[name:%s] not belonging to the project[name:%s]', vid.name, project.name);
    }
    if (project.state !== 'Enabled')
      throw operr('login is prohibited because the project is in state of %s', project.state);
    const s = state.sessions.create({
      accountUuid: project.linkedAccountUuid,
      userUuid: vid.uuid,
      userType: 'IAM2VirtualIDVO',
      virtualIdUuid: vid.uuid,
      projectUuid: project.uuid,
    });
    return { inventory: sessionInventory(s) };
  },
};

const projectsOfVirtualId: ActionApiDef = {
  name: API.projectsOfVid,
  method: 'GET',
  path: '/iam2/virtual-ids/projects',
  mode: 'sync',
  needSession: true,
  params: [],
  run(call) {
    const id = identity(call);
    const vid = id.virtualId;
    if (!vid) return { inventories: [] };
    const projects = call.state.world.projects.list.filter(
      (p) => p.state !== 'Deleted' && (id.platformAdmin || vid.projectUuids.has(p.uuid)),
    );
    return { inventories: projects.map(projectInventory) };
  },
};

const logOut: ActionApiDef = {
  name: API.logOut,
  method: 'DELETE',
  path: '/accounts/sessions/{sessionUuid}',
  mode: 'sync',
  needSession: false,
  params: [{ name: 'sessionUuid', type: 'string', required: true }],
  run({ state, params }) {
    state.sessions.delete(params.str('sessionUuid') ?? '');
    return {};
  },
};

const validateSession: ActionApiDef = {
  name: API.validateSession,
  method: 'GET',
  path: '/accounts/sessions/{sessionUuid}/valid',
  mode: 'sync',
  needSession: false,
  params: [{ name: 'sessionUuid', type: 'string', required: true }],
  run({ state, params }) {
    return { valid: state.sessions.get(params.str('sessionUuid')) !== undefined };
  },
};

const renewSession: ActionApiDef = {
  name: API.renewSession,
  method: 'PUT',
  path: '/accounts/sessions/{sessionUuid}/renew',
  mode: 'async',
  needSession: true,
  paramName: 'renewSession',
  // APIRenewSessionMsg: @APIParam(resourceType = SessionVO.class) sessionUuid, so a uuid naming no
  // session is SYS.1003 before the caller's session is even checked
  params: [
    {
      name: 'sessionUuid',
      type: 'string',
      required: true,
      resource: { vo: 'SessionVO', exists: (state, uuid) => state.sessions.exists(uuid) },
    },
    { name: 'duration', type: 'long', numberRange: [60, 31536000] },
  ],
  run({ state, params }) {
    const target = state.sessions.get(params.str('sessionUuid'));
    if (!target) throw sessionErr('Session expired');
    state.sessions.renew(target, params.num('duration') ?? state.config.sessionTimeoutSec);
    return { inventory: sessionInventory(target) };
  },
};

const checkApiPermission: ActionApiDef = {
  name: API.checkApiPermission,
  method: 'PUT',
  path: '/accounts/permissions/actions',
  mode: 'sync',
  needSession: true,
  paramName: 'checkApiPermission',
  params: [
    { name: 'userUuid', type: 'string' },
    { name: 'apiNames', type: 'stringList', required: true, nonempty: true },
  ],
  run(call) {
    const id = identity(call);
    const userUuid = call.params.str('userUuid');
    if (userUuid !== undefined && id.kind !== 'admin') {
      throw operr(
        "the user specified by the userUuid[%s] does not belong to the current account, and the current account is not an admin account, so it has no permission to check the user'spermissions",
        userUuid,
      );
    }
    const result: Record<string, string> = {};
    for (const name of call.params.list('apiNames') ?? []) {
      if (name === null || !KNOWN_APIS.includes(name)) throw argerr('%s is not an API', name);
      result[name] = policyError(id, name) ? 'Deny' : 'Allow';
    }
    return { inventory: result };
  },
};

const virtualIdApiPermission: ActionApiDef = {
  name: API.vidApiPermission,
  method: 'GET',
  path: '/iam2/virtual-ids/api-permissions',
  mode: 'sync',
  needSession: true,
  params: [
    { name: 'apisToCheck', type: 'stringList' },
    { name: 'onlyCheckParams', type: 'boolean' },
  ],
  run(call) {
    const id = identity(call);
    const asked = (call.params.list('apisToCheck') ?? []).filter((n): n is string => n !== null);
    const names = asked.length ? asked : KNOWN_APIS;
    const permissions: Record<string, { allow: boolean }> = {};
    for (const name of names)
      permissions[name] = { allow: KNOWN_APIS.includes(name) && !policyError(id, name) };
    return { permissions, noPermission: Object.values(permissions).every((p) => !p.allow) };
  },
};

export const AUTH_APIS: ActionApiDef[] = [
  logInByAccount,
  loginVirtualId,
  loginProject,
  projectsOfVirtualId,
  logOut,
  validateSession,
  renewSession,
  checkApiPermission,
  virtualIdApiPermission,
];
