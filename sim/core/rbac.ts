/**
 * Who a session is and what it may do. The order of checks is: session, admin-only (ID.1002),
 * explicit deny then allow (SYS.1006 "denied by the policy" / "denied by default"), ownership of the target
 * (SYS.1006, done by each API with ownsTarget()), then the API's own validation.
 */
import {
  ADMIN_ACCOUNT_UUID,
  API,
  ATTR_PLATFORM_ADMIN,
  ATTR_PROJECT_ADMIN,
  ATTR_PROJECT_OPERATOR,
} from '../model/constants.ts';
import type { PolicyStatement, Project, Role, VirtualId } from '../model/types.ts';
import type { World } from '../model/world.ts';
import type { Viewer } from '../query/viewer.ts';
import type { ApiError } from './errors.ts';
import { operr, permissionErr } from './errors.ts';
import type { Session } from './sessions.ts';

export interface Identity {
  session: Session;
  kind: 'admin' | 'account' | 'virtualId' | 'project';
  /** The account the session acts as (a project session acts as the project's linked account). */
  accountUuid: string;
  virtualId?: VirtualId;
  project?: Project;
  platformAdmin: boolean;
  projectAdmin: boolean;
  projectOperator: boolean;
  /** Roles granted to the virtual ID in the session's project. */
  roles: Role[];
}

/** APIs every authenticated identity may call (ZStack's default read policies). */
export const READ_APIS: readonly string[] = [
  API.queryLb,
  API.queryListener,
  API.queryServerGroup,
  API.queryNic,
  API.queryVm,
  API.queryL3,
  API.queryVip,
  API.queryAccount,
  API.queryRole,
  API.candidateNics,
  API.candidateL3sForServerGroup,
  API.candidateL3sForListener,
  API.querySystemTag,
  API.getMetricData,
  API.queryProject,
  API.queryGroup,
  API.queryVid,
  API.queryVidAttribute,
  API.vidsInGroup,
  API.projectsOfVid,
  API.vidApiPermission,
  API.checkApiPermission,
  API.loginProject,
  API.renewSession,
  API.validateSession,
  API.logOut,
];

/** Every API the simulator knows; CheckApiPermission answers "... is not an API" for other names. */
export const KNOWN_APIS: readonly string[] = [...new Set([...Object.values(API)])];

const OPERATOR_ACTIONS = [
  'org.zstack.network.service.lb.**',
  'org.zstack.network.service.vip.**',
  'org.zstack.header.vm.**',
  API.addVidsToGroup,
  API.removeVidsFromGroup,
];

function hasAttr(v: VirtualId, name: string, project?: Project): boolean {
  return v.attributes.some((a) => a.name === name && (project === undefined || a.value === project.uuid));
}

export function identityOf(w: World, session: Session): Identity {
  const base = {
    session,
    platformAdmin: false,
    projectAdmin: false,
    projectOperator: false,
    roles: [] as Role[],
  };
  const vid = session.virtualIdUuid ? w.virtualIds.get(session.virtualIdUuid) : undefined;
  if (!vid) {
    const account = w.accounts.get(session.accountUuid);
    const admin = account?.type === 'SystemAdmin' || session.accountUuid === ADMIN_ACCOUNT_UUID;
    return { ...base, kind: admin ? 'admin' : 'account', accountUuid: session.accountUuid };
  }
  const platformAdmin = hasAttr(vid, ATTR_PLATFORM_ADMIN);
  const project = session.projectUuid ? w.projects.get(session.projectUuid) : undefined;
  if (!project)
    return { ...base, kind: 'virtualId', accountUuid: session.accountUuid, virtualId: vid, platformAdmin };
  const roles = vid.roleRefs
    .filter((r) => r.targetAccountUuid === project.linkedAccountUuid)
    .map((r) => w.roles.get(r.roleUuid))
    .filter((r): r is Role => r !== undefined);
  return {
    ...base,
    kind: 'project',
    accountUuid: project.linkedAccountUuid,
    virtualId: vid,
    project,
    platformAdmin,
    projectAdmin: hasAttr(vid, ATTR_PROJECT_ADMIN, project),
    projectOperator: hasAttr(vid, ATTR_PROJECT_OPERATOR, project),
    roles,
  };
}

export function viewerOf(id: Identity): Viewer {
  const none = new Set<string>();
  if (id.kind === 'admin' || id.platformAdmin)
    return { all: true, accounts: none, projects: none, memberProjects: none };
  if (id.kind === 'account')
    return { all: false, accounts: new Set([id.accountUuid]), projects: none, memberProjects: none };
  if (id.kind === 'project' && id.project) {
    return {
      all: false,
      accounts: new Set([id.accountUuid]),
      projects: new Set([id.project.uuid]),
      memberProjects: none,
      selfVirtualId: id.virtualId?.uuid,
    };
  }
  return {
    all: false,
    accounts: none,
    projects: none,
    memberProjects: new Set(id.virtualId?.projectUuids ?? []),
    selfVirtualId: id.virtualId?.uuid,
  };
}

/** ZStack's PolicyMatcher: "*" within one dotted segment, "**" across segments; ":fields" suffixes are ignored. */
export function actionMatches(action: string, apiName: string): boolean {
  const pattern = action.split(':')[0] ?? '';
  const re = pattern
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^.]*'),
    )
    .join('.*');
  return new RegExp(`^${re}$`).test(apiName);
}

interface Policy {
  name: string;
  uuid: string;
  statements: PolicyStatement[];
}

function policiesOf(id: Identity): Policy[] {
  const policies: Policy[] = [];
  policies.push({
    name: 'DEFAULT-READ',
    uuid: '',
    statements: [{ name: 'read-apis', effect: 'Allow', actions: [...READ_APIS] }],
  });
  if (id.kind === 'project') {
    if (id.projectAdmin)
      policies.push({
        name: 'project-admin',
        uuid: '',
        statements: [{ name: 'project-admin', effect: 'Allow', actions: ['**'] }],
      });
    if (id.projectOperator)
      policies.push({
        name: 'project-operator',
        uuid: '',
        statements: [{ name: 'project-operator', effect: 'Allow', actions: OPERATOR_ACTIONS }],
      });
    for (const r of id.roles)
      policies.push({ name: r.name, uuid: r.uuid, statements: r.statements.map((s) => s.statement) });
  }
  return policies;
}

/** The policy decision for an API (no ownership check): undefined when allowed, else ZStack's refusal. */
export function policyError(id: Identity, apiName: string): ApiError | undefined {
  if (id.kind === 'admin' || id.platformAdmin) return undefined;
  if (id.kind === 'account') {
    // IAM1 accounts: every normal API is theirs to call; IAM2's management APIs are admin-only for them.
    if (apiName.startsWith('org.zstack.iam2.') && !READ_APIS.includes(apiName)) {
      return permissionErr(
        'request api[name: %s] is admin only, can not be executed by current user',
        apiName,
      );
    }
    return undefined;
  }
  const policies = policiesOf(id);
  for (const p of policies) {
    for (const s of p.statements) {
      if (s.effect === 'Deny' && s.actions.some((a) => actionMatches(a, apiName))) {
        return operr('the operation is denied by the policy[name:%s uuid:%s]', p.name, p.uuid);
      }
    }
  }
  for (const p of policies) {
    for (const s of p.statements) {
      if (s.effect === 'Allow' && s.actions.some((a) => actionMatches(a, apiName))) return undefined;
    }
  }
  return operr('operation[API:%s] is denied by default, please contact admin to correct it', apiName);
}

/** Whether the identity may operate on a resource owned by `owner` (admin and platform admins may always). */
export function ownsTarget(id: Identity, owner: string): boolean {
  return id.kind === 'admin' || id.platformAdmin || owner === id.accountUuid;
}
