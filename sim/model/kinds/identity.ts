/**
 * Accounts, roles, sessions (ZStack's header/identity) and IAM2 projects, groups, virtual IDs and their
 * attributes (IAM2 is closed source: classes and members from ZStack's generated SDK, sdk/.../iam2/entity).
 */
import type { Session } from '../../core/sessions.ts';
import type { Viewer } from '../../query/viewer.ts';
import {
  bool,
  date,
  dated,
  defineKind,
  defineRoot,
  enumOf,
  json,
  list,
  lookup,
  one,
  rel,
  rel1,
  str,
} from '../describe.ts';
import type {
  Account,
  PolicyStatement,
  Project,
  Role,
  VirtualId,
  VirtualIdAttribute,
  VirtualIdGroup,
} from '../types.ts';

const IAM2_STATE = 'org.zstack.iam2.entity.State';

function vidVisible(v: Viewer, vid: VirtualId): boolean {
  if (v.all || vid.uuid === v.selfVirtualId) return true;
  for (const p of v.projects) if (vid.projectUuids.has(p)) return true;
  return false;
}

export const accountKind = defineRoot<Account>({
  name: 'Account',
  inventoryClass: 'org.zstack.header.identity.AccountInventory',
  members: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    type: str((r) => r.type),
    ...dated<Account>(),
  },
  rows: (w) => w.accounts.list,
  get: (w, uuid) => w.accounts.get(uuid),
  visible: (v, r) => v.all || v.accounts.has(r.uuid),
});

/** A session (SessionInventory), answered by the logins and RenewSession; no query API. */
export const sessionKind = defineKind<Session>({
  name: 'Session',
  inventoryClass: 'org.zstack.header.identity.SessionInventory',
  members: {
    uuid: str((r) => r.uuid),
    accountUuid: str((r) => r.accountUuid),
    userUuid: str((r) => r.userUuid),
    userType: str((r) => r.userType),
    expiredDate: date((r) => r.expiredDate),
    createDate: date((r) => r.createDate),
    noSessionEvaluation: bool(() => false, { query: false }),
  },
});

interface StatementRow {
  uuid: string;
  roleUuid: string;
  createDate: number;
  lastOpDate: number;
  statement: PolicyStatement;
}

export const policyStatementKind = defineKind<PolicyStatement>({
  name: 'PolicyStatement',
  inventoryClass: 'org.zstack.header.identity.PolicyStatement',
  members: {
    name: str((r) => r.name),
    effect: enumOf('org.zstack.header.identity.StatementEffect', (r) => r.effect),
    actions: json((r) => r.actions),
  },
});

export const roleStatementKind = defineKind<StatementRow>({
  name: 'RolePolicyStatement',
  inventoryClass: 'org.zstack.header.identity.role.RolePolicyStatementInventory',
  members: {
    uuid: str((r) => r.uuid),
    statementString: str((r) => JSON.stringify(r.statement), { noSee: true }),
    roleUuid: str((r) => r.roleUuid, { noSee: true }),
    ...dated<StatementRow>(),
    statement: one('PolicyStatement', (r) => r.statement),
  },
});

export const roleKind = defineRoot<Role>({
  name: 'Role',
  inventoryClass: 'org.zstack.header.identity.role.RoleInventory',
  members: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    type: enumOf('org.zstack.header.identity.role.RoleType', (r) => r.type),
    state: enumOf('org.zstack.header.identity.role.RoleState', () => 'Enabled'),
    ...dated<Role>(),
    statements: list('RolePolicyStatement', (r) =>
      r.statements.map((s) => ({
        uuid: s.uuid,
        roleUuid: r.uuid,
        createDate: r.createDate,
        lastOpDate: r.lastOpDate,
        statement: s.statement,
      })),
    ),
    policies: json(() => []),
  },
  rows: (w) => w.roles.list,
  get: (w, uuid) => w.roles.get(uuid),
  visible: (v, r, w) => {
    if (v.all) return true;
    const self = v.selfVirtualId ? w.virtualIds.get(v.selfVirtualId) : undefined;
    return self?.roleRefs.some((ref) => ref.roleUuid === r.uuid) ?? false;
  },
});

export const projectKind = defineRoot<Project>({
  name: 'IAM2Project',
  inventoryClass: 'org.zstack.iam2.entity.IAM2ProjectInventory',
  members: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    state: enumOf('org.zstack.iam2.entity.ProjectState', (r) => r.state),
    ...dated<Project>(),
    attributes: json(() => []),
    linkedAccountUuid: str((r) => r.linkedAccountUuid),
  },
  relations: {
    virtualIDs: rel('IAM2VirtualID', (r, w) => lookup(r.memberUuids, (u) => w.virtualIds.get(u))),
    groups: rel('IAM2VirtualIDGroup', (r, w) => lookup(r.groupUuids, (u) => w.groups.get(u))),
  },
  rows: (w) => w.projects.list,
  get: (w, uuid) => w.projects.get(uuid),
  visible: (v, r) => v.all || v.projects.has(r.uuid) || v.memberProjects.has(r.uuid),
});

export const groupKind = defineRoot<VirtualIdGroup>({
  name: 'IAM2VirtualIDGroup',
  inventoryClass: 'org.zstack.iam2.entity.IAM2VirtualIDGroupInventory',
  members: {
    uuid: str((r) => r.uuid),
    projectUuid: str((r) => r.projectUuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    state: enumOf(IAM2_STATE, (r) => r.state),
    ...dated<VirtualIdGroup>(),
    attributes: json(() => []),
  },
  relations: {
    project: rel1('IAM2Project', (r, w) => w.projects.get(r.projectUuid)),
    virtualIDs: rel('IAM2VirtualID', (r, w) => lookup(r.memberUuids, (u) => w.virtualIds.get(u))),
  },
  rows: (w) => w.groups.list,
  get: (w, uuid) => w.groups.get(uuid),
  visible: (v, r) => v.all || v.projects.has(r.projectUuid),
});

export const attributeKind = defineRoot<VirtualIdAttribute>({
  name: 'IAM2VirtualIDAttribute',
  inventoryClass: 'org.zstack.iam2.entity.IAM2VirtualIDAttributeInventory',
  members: {
    virtualIDUuid: str((r) => r.virtualIDUuid),
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    value: str((r) => r.value),
    type: enumOf('org.zstack.iam2.entity.AttributeType', (r) => r.type),
    ...dated<VirtualIdAttribute>(),
  },
  relations: {
    virtualID: rel1('IAM2VirtualID', (r, w) => w.virtualIds.get(r.virtualIDUuid)),
  },
  rows: (w) => w.attributes.list,
  get: (w, uuid) => w.attributes.get(uuid),
  visible: (v, r, w) => {
    const vid = w.virtualIds.get(r.virtualIDUuid);
    return vid !== undefined && vidVisible(v, vid);
  },
});

export const virtualIdKind = defineRoot<VirtualId>({
  name: 'IAM2VirtualID',
  inventoryClass: 'org.zstack.iam2.entity.IAM2VirtualIDInventory',
  members: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    type: str(() => 'ZStack'),
    state: enumOf(IAM2_STATE, (r) => r.state),
    ...dated<VirtualId>(),
    attributes: list('IAM2VirtualIDAttribute', (r) => r.attributes),
  },
  relations: {
    projects: rel('IAM2Project', (r, w) => lookup(r.projectUuids, (u) => w.projects.get(u))),
    groups: rel('IAM2VirtualIDGroup', (r, w) => lookup(r.groupUuids, (u) => w.groups.get(u))),
    attributes: rel('IAM2VirtualIDAttribute', (r) => r.attributes),
  },
  rows: (w) => w.virtualIds.list,
  get: (w, uuid) => w.virtualIds.get(uuid),
  visible: (v, r) => vidVisible(v, r),
});
