/**
 * Query schemas: for each inventory the simulator can query, its primitive fields (conditions, sort,
 * `fields=`), its relations (ZStack's @ExpandedQueries, @ExpandedQueryAliases and @Queryable list fields;
 * `a.b.c=x` walks relations a and b then tests field c), its rows, visibility and inventory.
 */
import type { World } from '../model/world.ts';
import type {
  Account,
  IpRange,
  L3Network,
  Listener,
  ListenerServerGroupRef,
  LoadBalancer,
  NicRef,
  Project,
  Role,
  ServerGroup,
  ServerIp,
  Vip,
  VirtualId,
  VirtualIdAttribute,
  VirtualIdGroup,
  VmInstance,
  VmNic,
} from '../model/types.ts';
import * as inv from '../model/inventory.ts';
import type { NetworkServiceRef, UsedIp } from '../model/inventory.ts';
import type { Viewer } from './viewer.ts';

export type FieldType = 'string' | 'number' | 'boolean' | 'date';
export type FieldValue = string | number | boolean | null | undefined;

export interface FieldDef<T> {
  readonly type: FieldType;
  get(row: T, w: World): FieldValue;
}

export interface RelationDef<T> {
  readonly target: string;
  rows(row: T, w: World): Iterable<unknown>;
  /** For to-one relations: the related row without allocating a list (hot path of relation conditions). */
  single?(row: T, w: World): unknown;
}

export interface KindDef<T> {
  readonly name: string;
  /** The ZStack inventory class, as its errors name it. */
  readonly inventoryClass: string;
  readonly fields: Readonly<Record<string, FieldDef<T>>>;
  readonly relations: Readonly<Record<string, RelationDef<T>>>;
}

/** A kind that has its own query API. */
export interface RootKindDef<T extends { uuid: string }> extends KindDef<T> {
  rows(w: World): readonly T[];
  get(w: World, uuid: string): T | undefined;
  visible(v: Viewer, row: T, w: World): boolean;
  inventory(row: T, w: World): inv.Inventory;
}

const str = <T>(get: (r: T, w: World) => FieldValue): FieldDef<T> => ({ type: 'string', get });
const num = <T>(get: (r: T, w: World) => FieldValue): FieldDef<T> => ({ type: 'number', get });
const bool = <T>(get: (r: T, w: World) => FieldValue): FieldDef<T> => ({ type: 'boolean', get });
const date = <T>(get: (r: T, w: World) => FieldValue): FieldDef<T> => ({ type: 'date', get });
const rel = <T>(target: string, rows: (r: T, w: World) => Iterable<unknown>): RelationDef<T> => ({
  target,
  rows,
});
const rel1 = <T>(target: string, single: (r: T, w: World) => unknown): RelationDef<T> => ({
  target,
  single,
  rows: (r, w) => {
    const x = single(r, w);
    return x === undefined ? [] : [x];
  },
});
/** Maps uuids to rows lazily (no intermediate arrays per scanned row). */
function* lookup<X>(uuids: Iterable<string>, get: (u: string) => X | undefined): Iterable<X> {
  for (const u of uuids) {
    const x = get(u);
    if (x !== undefined) yield x;
  }
}
const dates = <T extends { createDate: number; lastOpDate: number }>() => ({
  createDate: date<T>((r) => r.createDate),
  lastOpDate: date<T>((r) => r.lastOpDate),
});
const owned = (v: Viewer, owner: string): boolean => v.all || v.accounts.has(owner);

function* nicsOfL3(l3: L3Network, w: World): Iterable<VmNic> {
  for (const n of w.nics.list) if (n.l3NetworkUuid === l3.uuid) yield n;
}

function vidVisible(v: Viewer, vid: VirtualId): boolean {
  if (v.all || vid.uuid === v.selfVirtualId) return true;
  for (const p of v.projects) if (vid.projectUuids.has(p)) return true;
  return false;
}

// ---- nested kinds (reachable through relations only) -------------------------------------------

const networkServiceRef: KindDef<NetworkServiceRef> = {
  name: 'NetworkServiceL3NetworkRef',
  inventoryClass: 'org.zstack.header.network.service.NetworkServiceL3NetworkRefInventory',
  fields: {
    l3NetworkUuid: str((r) => r.l3NetworkUuid),
    networkServiceProviderUuid: str((r) => r.networkServiceProviderUuid),
    networkServiceType: str((r) => r.networkServiceType),
  },
  relations: { l3Network: rel1('L3Network', (r, w) => w.l3Networks.get(r.l3NetworkUuid)) },
};

const ipRange: KindDef<IpRange> = {
  name: 'IpRange',
  inventoryClass: 'org.zstack.header.network.l3.IpRangeInventory',
  fields: {
    uuid: str((r) => r.uuid),
    l3NetworkUuid: str((r) => r.l3NetworkUuid),
    name: str((r) => r.name),
    startIp: str((r) => r.startIp),
    endIp: str((r) => r.endIp),
    netmask: str((r) => r.netmask),
    gateway: str((r) => r.gateway),
    networkCidr: str((r) => r.networkCidr),
    ipVersion: num((r) => r.ipVersion),
    prefixLen: num((r) => r.prefixLen),
    ...dates<IpRange>(),
  },
  relations: { l3Network: rel1('L3Network', (r, w) => w.l3Networks.get(r.l3NetworkUuid)) },
};

const usedIp: KindDef<UsedIp> = {
  name: 'UsedIp',
  inventoryClass: 'org.zstack.header.network.l3.UsedIpInventory',
  fields: {
    uuid: str((r) => r.uuid),
    ipRangeUuid: str((r) => r.ipRangeUuid),
    l3NetworkUuid: str((r) => r.l3NetworkUuid),
    ipVersion: num((r) => r.ipVersion),
    ip: str((r) => r.ip),
    netmask: str((r) => r.netmask),
    gateway: str((r) => r.gateway),
    usedFor: str((r) => r.usedFor),
    ipInLong: num((r) => r.ipInLong),
    vmNicUuid: str((r) => r.vmNicUuid),
    ...dates<UsedIp>(),
  },
  relations: {
    l3Network: rel1('L3Network', (r, w) => w.l3Networks.get(r.l3NetworkUuid)),
    vmNic: rel1('VmNic', (r, w) => w.nics.get(r.vmNicUuid)),
  },
};

const nicRef: KindDef<NicRef> = {
  name: 'LoadBalancerServerGroupVmNicRef',
  inventoryClass: 'org.zstack.network.service.lb.LoadBalancerServerGroupVmNicRefInventory',
  fields: {
    id: num((r) => r.id),
    serverGroupUuid: str((r) => r.serverGroupUuid),
    vmNicUuid: str((r) => r.vmNicUuid),
    weight: num((r) => r.weight),
    ipVersion: num((r) => r.ipVersion),
    status: str((r) => r.status),
    ...dates<NicRef>(),
  },
  relations: {
    vmNic: rel1('VmNic', (r, w) => w.nics.get(r.vmNicUuid)),
    serverGroup: rel1('LoadBalancerServerGroup', (r, w) => w.serverGroups.get(r.serverGroupUuid)),
  },
};

const serverIp: KindDef<ServerIp> = {
  name: 'LoadBalancerServerGroupServerIp',
  inventoryClass: 'org.zstack.network.service.lb.LoadBalancerServerGroupServerIpInventory',
  fields: {
    id: num((r) => r.id),
    serverGroupUuid: str((r) => r.serverGroupUuid),
    ipAddress: str((r) => r.ipAddress),
    weight: num((r) => r.weight),
    status: str((r) => r.status),
    ...dates<ServerIp>(),
  },
  relations: {},
};

const listenerSgRef: KindDef<ListenerServerGroupRef> = {
  name: 'LoadBalancerListenerServerGroupRef',
  inventoryClass: 'org.zstack.network.service.lb.LoadBalancerListenerServerGroupRefInventory',
  fields: {
    id: num((r) => r.id),
    listenerUuid: str((r) => r.listenerUuid),
    serverGroupUuid: str((r) => r.serverGroupUuid),
    ...dates<ListenerServerGroupRef>(),
  },
  relations: {
    group: rel1('LoadBalancerServerGroup', (r, w) => w.serverGroups.get(r.serverGroupUuid)),
    listener: rel1('LoadBalancerListener', (r, w) => w.listeners.get(r.listenerUuid)),
  },
};

// ---- root kinds ------------------------------------------------------------------------------

export const vmNicKind: RootKindDef<VmNic> = {
  name: 'VmNic',
  inventoryClass: 'org.zstack.header.vm.VmNicInventory',
  fields: {
    uuid: str((r) => r.uuid),
    vmInstanceUuid: str((r) => r.vmInstanceUuid),
    usedIpUuid: str((r) => inv.usedIpUuid(r)),
    l3NetworkUuid: str((r) => r.l3NetworkUuid),
    ip: str((r) => r.ip),
    mac: str((r) => r.mac),
    hypervisorType: str(() => 'KVM'),
    netmask: str((r) => r.netmask),
    gateway: str((r) => r.gateway),
    metaData: str(() => null),
    ipVersion: num((r) => r.ipVersion),
    driverType: str(() => 'virtio'),
    internalName: str((r) => `vnic${r.uuid.slice(0, 6)}.${r.deviceId}`),
    deviceId: num((r) => r.deviceId),
    type: str(() => 'VNIC'),
    state: str(() => 'enable'),
    ...dates<VmNic>(),
  },
  relations: {
    vmInstance: rel1('VmInstance', (r, w) => w.vms.get(r.vmInstanceUuid)),
    l3Network: rel1('L3Network', (r, w) => w.l3Networks.get(r.l3NetworkUuid)),
    usedIp: rel('UsedIp', (r, w) => [inv.usedIpOf(r, w)]),
    loadBalancerServerGroupRef: rel('LoadBalancerServerGroupVmNicRef', (r, w) => w.refsOfNic(r.uuid)),
    loadBalancerServerGroup: rel('LoadBalancerServerGroup', (r, w) =>
      w
        .refsOfNic(r.uuid)
        .map((ref) => w.serverGroups.get(ref.serverGroupUuid))
        .filter((g) => g !== undefined),
    ),
  },
  rows: (w) => w.nics.list,
  get: (w, uuid) => w.nics.get(uuid),
  visible: (v, r) => owned(v, r.owner),
  inventory: (r, w) => inv.nicInventory(r, w),
};

export const vmKind: RootKindDef<VmInstance> = {
  name: 'VmInstance',
  inventoryClass: 'org.zstack.header.vm.VmInstanceInventory',
  fields: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    zoneUuid: str(() => inv.ZONE_UUID),
    type: str(() => 'UserVM'),
    hypervisorType: str(() => 'KVM'),
    platform: str(() => 'Linux'),
    memorySize: num((r) => r.memorySize),
    cpuNum: num((r) => r.cpuNum),
    state: str((r) => r.state),
    ...dates<VmInstance>(),
  },
  relations: {
    vmNics: rel('VmNic', (r, w) => lookup(r.nicUuids, (u) => w.nics.get(u))),
  },
  rows: (w) => w.vms.list,
  get: (w, uuid) => w.vms.get(uuid),
  visible: (v, r) => owned(v, r.owner),
  inventory: (r, w) => inv.vmInventory(r, w),
};

export const l3Kind: RootKindDef<L3Network> = {
  name: 'L3Network',
  inventoryClass: 'org.zstack.header.network.l3.L3NetworkInventory',
  fields: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    type: str(() => 'L3BasicNetwork'),
    state: str(() => 'Enabled'),
    system: bool(() => false),
    category: str((r) => r.category),
    ipVersion: num((r) => r.ipVersion),
    enableIPAM: bool(() => true),
    isolated: bool(() => false),
    ...dates<L3Network>(),
  },
  relations: {
    networkServices: rel('NetworkServiceL3NetworkRef', (r) => inv.networkServiceRefs(r)),
    ipRanges: rel('IpRange', (r) => r.ipRanges),
    vmNic: rel('VmNic', nicsOfL3),
  },
  rows: (w) => w.l3Networks.list,
  get: (w, uuid) => w.l3Networks.get(uuid),
  visible: (v, r) => owned(v, r.owner),
  inventory: (r) => inv.l3Inventory(r),
};

export const vipKind: RootKindDef<Vip> = {
  name: 'Vip',
  inventoryClass: 'org.zstack.network.service.vip.VipInventory',
  fields: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    l3NetworkUuid: str((r) => r.l3NetworkUuid),
    ip: str((r) => r.ip),
    state: str(() => 'Enabled'),
    useFor: str(() => 'LoadBalancer'),
    ...dates<Vip>(),
  },
  relations: {
    loadBalancer: rel('LoadBalancer', (r, w) => w.loadBalancers.list.filter((lb) => lb.vipUuid === r.uuid)),
  },
  rows: (w) => w.vips.list,
  get: (w, uuid) => w.vips.get(uuid),
  visible: (v, r) => owned(v, r.owner),
  inventory: (r, w) => inv.vipInventory(r, w),
};

export const loadBalancerKind: RootKindDef<LoadBalancer> = {
  name: 'LoadBalancer',
  inventoryClass: 'org.zstack.network.service.lb.LoadBalancerInventory',
  fields: {
    name: str((r) => r.name),
    uuid: str((r) => r.uuid),
    description: str((r) => r.description),
    serverGroupUuid: str((r) => r.serverGroupUuid),
    state: str(() => 'Enabled'),
    type: str((r) => r.type),
    vipUuid: str((r) => r.vipUuid),
    ...dates<LoadBalancer>(),
  },
  relations: {
    listeners: rel('LoadBalancerListener', (r, w) =>
      r.listenerUuids.map((u) => w.listeners.get(u)).filter((l) => l !== undefined),
    ),
    vip: rel1('Vip', (r, w) => w.vips.get(r.vipUuid)),
  },
  rows: (w) => w.loadBalancers.list,
  get: (w, uuid) => w.loadBalancers.get(uuid),
  visible: (v, r) => owned(v, r.owner),
  inventory: (r, w) => inv.loadBalancerInventory(r, w),
};

export const listenerKind: RootKindDef<Listener> = {
  name: 'LoadBalancerListener',
  inventoryClass: 'org.zstack.network.service.lb.LoadBalancerListenerInventory',
  fields: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    loadBalancerUuid: str((r) => r.loadBalancerUuid),
    instancePort: num((r) => r.instancePort),
    loadBalancerPort: num((r) => r.loadBalancerPort),
    protocol: str((r) => r.protocol),
    serverGroupUuid: str((r) => r.serverGroupRefs[0]?.serverGroupUuid),
    ...dates<Listener>(),
  },
  relations: {
    loadBalancer: rel1('LoadBalancer', (r, w) => w.loadBalancers.get(r.loadBalancerUuid)),
    serverGroupRef: rel('LoadBalancerListenerServerGroupRef', (r) => r.serverGroupRefs),
    serverGroup: rel('LoadBalancerServerGroup', (r, w) =>
      r.serverGroupRefs.map((x) => w.serverGroups.get(x.serverGroupUuid)).filter((g) => g !== undefined),
    ),
  },
  rows: (w) => w.listeners.list,
  get: (w, uuid) => w.listeners.get(uuid),
  visible: (v, r) => owned(v, r.owner),
  inventory: (r) => inv.listenerInventory(r),
};

export const serverGroupKind: RootKindDef<ServerGroup> = {
  name: 'LoadBalancerServerGroup',
  inventoryClass: 'org.zstack.network.service.lb.LoadBalancerServerGroupInventory',
  fields: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    loadBalancerUuid: str((r) => r.loadBalancerUuid),
    ipVersion: num((r) => r.ipVersion),
    ...dates<ServerGroup>(),
  },
  relations: {
    serverGroupRef: rel('LoadBalancerListenerServerGroupRef', (r) => r.listenerRefs),
    vmNicRef: rel('LoadBalancerServerGroupVmNicRef', (r) => r.nicRefs),
    vmNic: rel('VmNic', (r, w) =>
      r.nicRefs.map((x) => w.nics.get(x.vmNicUuid)).filter((n) => n !== undefined),
    ),
    listener: rel('LoadBalancerListener', (r, w) =>
      r.listenerRefs.map((x) => w.listeners.get(x.listenerUuid)).filter((l) => l !== undefined),
    ),
  },
  rows: (w) => w.serverGroups.list,
  get: (w, uuid) => w.serverGroups.get(uuid),
  visible: (v, r) => owned(v, r.owner),
  inventory: (r) => inv.serverGroupInventory(r),
};

export const accountKind: RootKindDef<Account> = {
  name: 'Account',
  inventoryClass: 'org.zstack.header.identity.AccountInventory',
  fields: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    type: str((r) => r.type),
    ...dates<Account>(),
  },
  relations: {},
  rows: (w) => w.accounts.list,
  get: (w, uuid) => w.accounts.get(uuid),
  visible: (v, r) => v.all || v.accounts.has(r.uuid),
  inventory: (r) => inv.accountInventory(r),
};

export const projectKind: RootKindDef<Project> = {
  name: 'IAM2Project',
  inventoryClass: 'org.zstack.iam2.entity.IAM2ProjectInventory',
  fields: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    state: str((r) => r.state),
    linkedAccountUuid: str((r) => r.linkedAccountUuid),
    ...dates<Project>(),
  },
  relations: {
    virtualIDs: rel('IAM2VirtualID', (r, w) => lookup(r.memberUuids, (u) => w.virtualIds.get(u))),
    groups: rel('IAM2VirtualIDGroup', (r, w) => lookup(r.groupUuids, (u) => w.groups.get(u))),
  },
  rows: (w) => w.projects.list,
  get: (w, uuid) => w.projects.get(uuid),
  visible: (v, r) => v.all || v.projects.has(r.uuid) || v.memberProjects.has(r.uuid),
  inventory: (r) => inv.projectInventory(r),
};

export const groupKind: RootKindDef<VirtualIdGroup> = {
  name: 'IAM2VirtualIDGroup',
  inventoryClass: 'org.zstack.iam2.entity.IAM2VirtualIDGroupInventory',
  fields: {
    uuid: str((r) => r.uuid),
    projectUuid: str((r) => r.projectUuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    state: str((r) => r.state),
    ...dates<VirtualIdGroup>(),
  },
  relations: {
    project: rel1('IAM2Project', (r, w) => w.projects.get(r.projectUuid)),
    virtualIDs: rel('IAM2VirtualID', (r, w) => lookup(r.memberUuids, (u) => w.virtualIds.get(u))),
  },
  rows: (w) => w.groups.list,
  get: (w, uuid) => w.groups.get(uuid),
  visible: (v, r) => v.all || v.projects.has(r.projectUuid),
  inventory: (r) => inv.groupInventory(r),
};

export const attributeKind: RootKindDef<VirtualIdAttribute> = {
  name: 'IAM2VirtualIDAttribute',
  inventoryClass: 'org.zstack.iam2.entity.IAM2VirtualIDAttributeInventory',
  fields: {
    virtualIDUuid: str((r) => r.virtualIDUuid),
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    value: str((r) => r.value),
    type: str((r) => r.type),
    ...dates<VirtualIdAttribute>(),
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
  inventory: (r) => inv.attributeInventory(r),
};

export const virtualIdKind: RootKindDef<VirtualId> = {
  name: 'IAM2VirtualID',
  inventoryClass: 'org.zstack.iam2.entity.IAM2VirtualIDInventory',
  fields: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    type: str(() => 'ZStack'),
    state: str((r) => r.state),
    ...dates<VirtualId>(),
  },
  relations: {
    projects: rel('IAM2Project', (r, w) => lookup(r.projectUuids, (u) => w.projects.get(u))),
    groups: rel('IAM2VirtualIDGroup', (r, w) => lookup(r.groupUuids, (u) => w.groups.get(u))),
    attributes: rel('IAM2VirtualIDAttribute', (r) => r.attributes),
  },
  rows: (w) => w.virtualIds.list,
  get: (w, uuid) => w.virtualIds.get(uuid),
  visible: (v, r) => vidVisible(v, r),
  inventory: (r) => inv.virtualIdInventory(r),
};

export const roleKind: RootKindDef<Role> = {
  name: 'Role',
  inventoryClass: 'org.zstack.header.identity.role.RoleInventory',
  fields: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    type: str((r) => r.type),
    state: str(() => 'Enabled'),
    ...dates<Role>(),
  },
  relations: {},
  rows: (w) => w.roles.list,
  get: (w, uuid) => w.roles.get(uuid),
  visible: (v, r, w) => {
    if (v.all) return true;
    const self = v.selfVirtualId ? w.virtualIds.get(v.selfVirtualId) : undefined;
    return self?.roleRefs.some((ref) => ref.roleUuid === r.uuid) ?? false;
  },
  inventory: (r) => inv.roleInventory(r),
};

const ALL_KINDS: KindDef<never>[] = [
  networkServiceRef,
  ipRange,
  usedIp,
  nicRef,
  serverIp,
  listenerSgRef,
  vmNicKind,
  vmKind,
  l3Kind,
  vipKind,
  loadBalancerKind,
  listenerKind,
  serverGroupKind,
  accountKind,
  projectKind,
  groupKind,
  attributeKind,
  virtualIdKind,
  roleKind,
];

const BY_NAME = new Map<string, KindDef<never>>(ALL_KINDS.map((k) => [k.name, k]));

export function kindByName(name: string): KindDef<never> {
  const k = BY_NAME.get(name);
  if (!k) throw new Error(`unknown kind ${name}`);
  return k;
}
