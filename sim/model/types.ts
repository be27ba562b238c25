/** The simulator's records. Their inventories (wire shapes and query fields) are described in kinds/*.ts. */

export interface Dated {
  createDate: number;
  lastOpDate: number;
}

/** Anything that belongs to an account (ZStack's AccountResourceRefVO). */
export interface Owned {
  owner: string;
}

export interface Account extends Dated {
  uuid: string;
  name: string;
  type: 'SystemAdmin' | 'Normal';
  description?: string;
  /** Lowercase hex SHA-512; absent for accounts nobody logs in to (project-linked accounts). */
  passwordHash?: string;
}

export interface IpRange extends Dated {
  uuid: string;
  l3NetworkUuid: string;
  name: string;
  startIp: string;
  endIp: string;
  netmask: string;
  gateway: string;
  networkCidr: string;
  ipVersion: 4 | 6;
  prefixLen: number;
}

export interface L3Network extends Dated, Owned {
  uuid: string;
  name: string;
  description?: string;
  /** 46: dual stack (IPv6Constants.DUAL_STACK, an IPv4 and an IPv6 range). */
  ipVersion: 4 | 6 | 46;
  category: 'Private' | 'Public';
  ipRanges: IpRange[];
  dns: string[];
  /** Network service types enabled, e.g. "LoadBalancer", "DHCP". */
  services: string[];
}

export interface VmInstance extends Dated, Owned {
  uuid: string;
  name: string;
  description?: string;
  /** "ApplianceVm" for virtual routers (ZStack's VmInstanceVO.type). */
  type: 'UserVM' | 'ApplianceVm';
  state: 'Running' | 'Stopped';
  rootVolumeUuid: string;
  cpuNum: number;
  memorySize: number;
  nicUuids: string[];
}

export interface VmNic extends Dated, Owned {
  uuid: string;
  vmInstanceUuid: string;
  l3NetworkUuid: string;
  /** The primary IP (VmNicVO.ip) and its used IP (VmNicVO.usedIpUuid). */
  ip: string;
  usedIpUuid: string;
  mac: string;
  ipVersion: 4 | 6;
  netmask: string;
  gateway: string;
  deviceId: number;
  /** A virtual router's NIC role mask ("3" public + management, "4" guest: VirtualRouterNicMetaData). */
  metaData?: string;
  /** The NIC's other used IPs (UsedIpVO rows besides `ip`): a NIC on a dual-stack L3 has an IPv6 one too. */
  secondaryIps?: string[];
}

export interface Vip extends Dated, Owned {
  uuid: string;
  name: string;
  ip: string;
  l3NetworkUuid: string;
}

export interface LoadBalancer extends Dated, Owned {
  uuid: string;
  name: string;
  description?: string;
  type: 'SLB' | 'Shared';
  vipUuid: string;
  serverGroupUuid?: string;
  listenerUuids: string[];
  serverGroupUuids: string[];
  /** The virtual router the load balancer is applied on (VirtualRouterLoadBalancerRefVO). */
  virtualRouterUuid?: string;
}

export interface ListenerServerGroupRef extends Dated {
  id: number;
  listenerUuid: string;
  serverGroupUuid: string;
}

export interface Listener extends Dated, Owned {
  uuid: string;
  name: string;
  description?: string;
  loadBalancerUuid: string;
  protocol: 'tcp' | 'udp' | 'http' | 'https';
  loadBalancerPort: number;
  instancePort: number;
  serverGroupRefs: ListenerServerGroupRef[];
}

export interface NicRef extends Dated {
  id: number;
  serverGroupUuid: string;
  vmNicUuid: string;
  weight: number;
  ipVersion: number;
  /** LoadBalancerVmNicStatus: Active when added or when its VM starts, Inactive when its VM stops. */
  status: 'Pending' | 'Active' | 'Inactive';
}

export interface ServerIp extends Dated {
  id: number;
  serverGroupUuid: string;
  ipAddress: string;
  weight: number;
  status: 'Active' | 'Inactive';
}

export interface ServerGroup extends Dated, Owned {
  uuid: string;
  name: string;
  description?: string;
  loadBalancerUuid?: string;
  ipVersion: 4 | 6;
  nicRefs: NicRef[];
  serverIps: ServerIp[];
  listenerRefs: ListenerServerGroupRef[];
}

/** ZStack's SystemTagVO. */
export interface SystemTag extends Dated {
  uuid: string;
  resourceUuid: string;
  /** The VO class name, e.g. "LoadBalancerListenerVO". */
  resourceType: string;
  tag: string;
  inherent: boolean;
}

export type IAM2State = 'Enabled' | 'Disabled' | 'Staled';
export type ProjectState = 'Enabled' | 'Disabled' | 'Retired' | 'Deleted' | 'LoginExpired';

export interface Project extends Dated {
  uuid: string;
  name: string;
  description?: string;
  state: ProjectState;
  linkedAccountUuid: string;
  memberUuids: Set<string>;
  groupUuids: string[];
}

export interface VirtualIdGroup extends Dated {
  uuid: string;
  name: string;
  description?: string;
  projectUuid: string;
  state: IAM2State;
  memberUuids: Set<string>;
}

export interface VirtualIdAttribute extends Dated {
  uuid: string;
  virtualIDUuid: string;
  name: string;
  value?: string;
  type: 'System' | 'Customized';
}

export interface RoleRef {
  roleUuid: string;
  /** The project account the role applies in. */
  targetAccountUuid: string;
}

export interface VirtualId extends Dated {
  uuid: string;
  name: string;
  description?: string;
  state: IAM2State;
  passwordHash: string;
  projectUuids: Set<string>;
  groupUuids: Set<string>;
  attributes: VirtualIdAttribute[];
  roleRefs: RoleRef[];
}

export interface PolicyStatement {
  name: string;
  effect: 'Allow' | 'Deny';
  actions: string[];
}

export interface Role extends Dated {
  uuid: string;
  name: string;
  description?: string;
  type: 'Predefined' | 'Customized';
  statements: { uuid: string; statement: PolicyStatement }[];
}
