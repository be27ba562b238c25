/**
 * Wire shapes (ZStack inventories), built on demand from records so that nothing is copied at rest.
 * Keys follow the field order of ZStack's inventory classes; undefined/null members are dropped on the wire.
 */
import { zstackDate } from '../util/dates.ts';
import { ipv4ToInt } from '../util/ip.ts';
import { seedUuid } from '../util/uuid.ts';
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
} from './types.ts';
import type { World } from './world.ts';

export type Inventory = Record<string, unknown>;

export const ZONE_UUID = seedUuid('ZoneVO', 'zone-1');
const CLUSTER_UUID = seedUuid('ClusterVO', 'cluster-1');
const HOST_UUID = seedUuid('HostVO', 'host-1');
const IMAGE_UUID = seedUuid('ImageVO', 'centos-7');
const OFFERING_UUID = seedUuid('InstanceOfferingVO', 'small');
const L2_UUID = seedUuid('L2NetworkVO', 'l2-vlan');
const PROVIDER_VROUTER = seedUuid('NetworkServiceProviderVO', 'VirtualRouter');
const PROVIDER_FLAT = seedUuid('NetworkServiceProviderVO', 'Flat');

const d = (ms: number): string => zstackDate(ms);

/** A used-IP uuid derived from the NIC's (stable, unique, cheap: no hashing per query). */
export function usedIpUuid(nic: VmNic): string {
  return nic.uuid.split('').reverse().join('');
}

export function accountInventory(a: Account): Inventory {
  return {
    uuid: a.uuid,
    name: a.name,
    description: a.description,
    type: a.type,
    createDate: d(a.createDate),
    lastOpDate: d(a.lastOpDate),
  };
}

export function ipRangeInventory(r: IpRange): Inventory {
  return {
    uuid: r.uuid,
    l3NetworkUuid: r.l3NetworkUuid,
    name: r.name,
    startIp: r.startIp,
    endIp: r.endIp,
    netmask: r.netmask,
    gateway: r.gateway,
    networkCidr: r.networkCidr,
    ipVersion: r.ipVersion,
    addressMode: r.ipVersion === 6 ? 'SLAAC' : undefined,
    prefixLen: r.prefixLen,
    ipRangeType: 'Normal',
    createDate: d(r.createDate),
    lastOpDate: d(r.lastOpDate),
  };
}

export interface NetworkServiceRef {
  l3NetworkUuid: string;
  networkServiceProviderUuid: string;
  networkServiceType: string;
}

export function networkServiceRefs(l3: L3Network): NetworkServiceRef[] {
  return l3.services.map((t) => ({
    l3NetworkUuid: l3.uuid,
    networkServiceProviderUuid: t === 'DHCP' || t === 'DNS' ? PROVIDER_FLAT : PROVIDER_VROUTER,
    networkServiceType: t,
  }));
}

export function l3Inventory(l3: L3Network): Inventory {
  return {
    uuid: l3.uuid,
    name: l3.name,
    description: l3.description,
    type: 'L3BasicNetwork',
    zoneUuid: ZONE_UUID,
    l2NetworkUuid: L2_UUID,
    state: 'Enabled',
    system: false,
    category: l3.category,
    ipVersion: l3.ipVersion,
    enableIPAM: true,
    isolated: false,
    createDate: d(l3.createDate),
    lastOpDate: d(l3.lastOpDate),
    dns: l3.dns,
    ipRanges: l3.ipRanges.map(ipRangeInventory),
    networkServices: networkServiceRefs(l3),
    hostRoute: [],
    reservedIpRanges: [],
  };
}

export interface UsedIp {
  uuid: string;
  ipRangeUuid?: string;
  l3NetworkUuid: string;
  ipVersion: number;
  ip: string;
  netmask: string;
  gateway: string;
  usedFor: string;
  ipInLong: number;
  vmNicUuid: string;
  createDate: number;
  lastOpDate: number;
}

export function usedIpOf(nic: VmNic, w: World): UsedIp {
  const l3 = w.l3Networks.get(nic.l3NetworkUuid);
  const range = l3?.ipRanges.find((r) => r.ipVersion === nic.ipVersion);
  return {
    uuid: usedIpUuid(nic),
    ipRangeUuid: range?.uuid,
    l3NetworkUuid: nic.l3NetworkUuid,
    ipVersion: nic.ipVersion,
    ip: nic.ip,
    netmask: nic.netmask,
    gateway: nic.gateway,
    usedFor: 'Vm',
    ipInLong: nic.ipVersion === 4 ? ipv4ToInt(nic.ip) : 0,
    vmNicUuid: nic.uuid,
    createDate: nic.createDate,
    lastOpDate: nic.lastOpDate,
  };
}

/** Every used IP of the NIC: the primary one, then those of a dual-stack NIC's other address family. */
export function usedIpsOf(nic: VmNic, w: World): UsedIp[] {
  const primary = usedIpOf(nic, w);
  const more = (nic.secondaryIps ?? []).map((ip, i): UsedIp => {
    const version = ip.includes(':') ? 6 : 4;
    const range = w.l3Networks.get(nic.l3NetworkUuid)?.ipRanges.find((r) => r.ipVersion === version);
    return {
      ...primary,
      uuid: seedUuid('UsedIpVO', `${nic.uuid}#${i + 1}`),
      ipRangeUuid: range?.uuid,
      ipVersion: version,
      ip,
      netmask: range?.netmask ?? '',
      gateway: range?.gateway ?? '',
      ipInLong: version === 4 ? ipv4ToInt(ip) : 0,
    };
  });
  return [primary, ...more];
}

export function usedIpInventory(u: UsedIp): Inventory {
  return { ...u, createDate: d(u.createDate), lastOpDate: d(u.lastOpDate) };
}

export function nicInventory(nic: VmNic, w: World): Inventory {
  return {
    uuid: nic.uuid,
    vmInstanceUuid: nic.vmInstanceUuid,
    usedIpUuid: usedIpUuid(nic),
    l3NetworkUuid: nic.l3NetworkUuid,
    ip: nic.ip,
    mac: nic.mac,
    hypervisorType: 'KVM',
    netmask: nic.netmask,
    gateway: nic.gateway,
    ipVersion: nic.ipVersion,
    driverType: 'virtio',
    usedIps: usedIpsOf(nic, w).map(usedIpInventory),
    internalName: `vnic${nic.uuid.slice(0, 6)}.${nic.deviceId}`,
    deviceId: nic.deviceId,
    type: 'VNIC',
    state: 'enable',
    createDate: d(nic.createDate),
    lastOpDate: d(nic.lastOpDate),
  };
}

export function vmInventory(vm: VmInstance, w: World): Inventory {
  const nics = vm.nicUuids.map((u) => w.nics.get(u)).filter((n): n is VmNic => n !== undefined);
  return {
    uuid: vm.uuid,
    name: vm.name,
    description: vm.description,
    zoneUuid: ZONE_UUID,
    clusterUuid: CLUSTER_UUID,
    imageUuid: IMAGE_UUID,
    hostUuid: vm.state === 'Running' ? HOST_UUID : undefined,
    lastHostUuid: HOST_UUID,
    instanceOfferingUuid: OFFERING_UUID,
    rootVolumeUuid: seedUuid('VolumeVO', vm.uuid),
    platform: 'Linux',
    architecture: 'x86_64',
    defaultL3NetworkUuid: nics[0]?.l3NetworkUuid,
    type: 'UserVM',
    hypervisorType: 'KVM',
    memorySize: vm.memorySize,
    cpuNum: vm.cpuNum,
    cpuSpeed: 0,
    allocatorStrategy: 'LeastVmPreferredHostAllocatorStrategy',
    createDate: d(vm.createDate),
    lastOpDate: d(vm.lastOpDate),
    state: vm.state,
    vmNics: nics.map((n) => nicInventory(n, w)),
    allVolumes: [],
    vmCdRoms: [],
  };
}

export function vipInventory(v: Vip, w: World): Inventory {
  const l3 = w.l3Networks.get(v.l3NetworkUuid);
  const range = l3?.ipRanges[0];
  return {
    uuid: v.uuid,
    name: v.name,
    ipRangeUuid: range?.uuid,
    l3NetworkUuid: v.l3NetworkUuid,
    ip: v.ip,
    state: 'Enabled',
    gateway: range?.gateway,
    netmask: range?.netmask,
    prefixLen: range?.prefixLen,
    serviceProvider: 'vrouter',
    peerL3NetworkUuids: [],
    servicesRefs: [],
    useFor: 'LoadBalancer',
    system: false,
    createDate: d(v.createDate),
    lastOpDate: d(v.lastOpDate),
  };
}

export function listenerServerGroupRefInventory(r: ListenerServerGroupRef): Inventory {
  return {
    id: r.id,
    listenerUuid: r.listenerUuid,
    serverGroupUuid: r.serverGroupUuid,
    createDate: d(r.createDate),
    lastOpDate: d(r.lastOpDate),
  };
}

export function listenerInventory(l: Listener): Inventory {
  return {
    uuid: l.uuid,
    name: l.name,
    description: l.description,
    loadBalancerUuid: l.loadBalancerUuid,
    instancePort: l.instancePort,
    loadBalancerPort: l.loadBalancerPort,
    securityPolicyType: l.protocol === 'https' ? 'tls_cipher_policy_default' : undefined,
    protocol: l.protocol,
    serverGroupUuid: l.serverGroupRefs[0]?.serverGroupUuid,
    createDate: d(l.createDate),
    lastOpDate: d(l.lastOpDate),
    vmNicRefs: [],
    aclRefs: [],
    certificateRefs: [],
    serverGroupRefs: l.serverGroupRefs.map(listenerServerGroupRefInventory),
  };
}

export function loadBalancerInventory(lb: LoadBalancer, w: World): Inventory {
  return {
    name: lb.name,
    uuid: lb.uuid,
    description: lb.description,
    serverGroupUuid: lb.serverGroupUuid,
    state: 'Enabled',
    type: lb.type,
    vipUuid: lb.vipUuid,
    createDate: d(lb.createDate),
    lastOpDate: d(lb.lastOpDate),
    listeners: lb.listenerUuids
      .map((u) => w.listeners.get(u))
      .filter((l): l is Listener => l !== undefined)
      .map(listenerInventory),
  };
}

export function nicRefInventory(r: NicRef): Inventory {
  return {
    id: r.id,
    serverGroupUuid: r.serverGroupUuid,
    vmNicUuid: r.vmNicUuid,
    weight: r.weight,
    ipVersion: r.ipVersion,
    status: r.status,
    createDate: d(r.createDate),
    lastOpDate: d(r.lastOpDate),
  };
}

export function serverIpInventory(s: ServerIp): Inventory {
  return {
    id: s.id,
    serverGroupUuid: s.serverGroupUuid,
    ipAddress: s.ipAddress,
    weight: s.weight,
    status: s.status,
    createDate: d(s.createDate),
    lastOpDate: d(s.lastOpDate),
  };
}

export function serverGroupInventory(sg: ServerGroup): Inventory {
  return {
    uuid: sg.uuid,
    name: sg.name,
    description: sg.description,
    loadBalancerUuid: sg.loadBalancerUuid,
    ipVersion: sg.ipVersion,
    createDate: d(sg.createDate),
    lastOpDate: d(sg.lastOpDate),
    listenerServerGroupRefs: sg.listenerRefs.map(listenerServerGroupRefInventory),
    serverIps: sg.serverIps.map(serverIpInventory),
    vmNicRefs: sg.nicRefs.map(nicRefInventory),
  };
}

export function projectInventory(p: Project): Inventory {
  return {
    uuid: p.uuid,
    name: p.name,
    description: p.description,
    state: p.state,
    createDate: d(p.createDate),
    lastOpDate: d(p.lastOpDate),
    attributes: [],
    linkedAccountUuid: p.linkedAccountUuid,
  };
}

export function groupInventory(g: VirtualIdGroup): Inventory {
  return {
    uuid: g.uuid,
    projectUuid: g.projectUuid,
    name: g.name,
    description: g.description,
    state: g.state,
    createDate: d(g.createDate),
    lastOpDate: d(g.lastOpDate),
    attributes: [],
  };
}

export function attributeInventory(a: VirtualIdAttribute): Inventory {
  return {
    virtualIDUuid: a.virtualIDUuid,
    uuid: a.uuid,
    name: a.name,
    value: a.value,
    type: a.type,
    createDate: d(a.createDate),
    lastOpDate: d(a.lastOpDate),
  };
}

export function virtualIdInventory(v: VirtualId): Inventory {
  return {
    uuid: v.uuid,
    name: v.name,
    description: v.description,
    type: 'ZStack',
    state: v.state,
    createDate: d(v.createDate),
    lastOpDate: d(v.lastOpDate),
    attributes: v.attributes.map(attributeInventory),
  };
}

export function roleInventory(r: Role): Inventory {
  return {
    uuid: r.uuid,
    name: r.name,
    description: r.description,
    type: r.type,
    state: 'Enabled',
    createDate: d(r.createDate),
    lastOpDate: d(r.lastOpDate),
    statements: r.statements.map((s) => ({
      uuid: s.uuid,
      createDate: d(r.createDate),
      lastOpDate: d(r.lastOpDate),
      statement: s.statement,
    })),
    policies: [],
  };
}
