/** L3 networks, their IP ranges and services, used IPs and VIPs (ZStack's header/network, plugin/vip). */
import { ipBytes, ipv4ToInt } from '../../util/ip.ts';
import { seedUuid } from '../../util/uuid.ts';
import { bool, dated, defineKind, defineRoot, json, list, num, owned, rel, rel1, str } from '../describe.ts';
import type { IpRange, L3Network, Vip, VmNic } from '../types.ts';
import type { World } from '../world.ts';

export const ZONE_UUID = seedUuid('ZoneVO', 'zone-1');
const L2_UUID = seedUuid('L2NetworkVO', 'l2-vlan');
const PROVIDER_VROUTER = seedUuid('NetworkServiceProviderVO', 'VirtualRouter');
const PROVIDER_FLAT = seedUuid('NetworkServiceProviderVO', 'Flat');

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

/** A used IP (UsedIpVO) of a NIC, made on demand. */
export interface UsedIp {
  uuid: string;
  ipRangeUuid?: string;
  l3NetworkUuid: string;
  ipVersion: number;
  ip: string;
  netmask: string;
  gateway: string;
  vmNicUuid: string;
  createDate: number;
  lastOpDate: number;
}

/**
 * Every used IP of a NIC (the primary one, then a dual-stack NIC's other address), in ZStack's order:
 * UsedIpInventory.valueOf sorts them by IP version.
 */
export function usedIpsOf(nic: VmNic, w: World): UsedIp[] {
  const l3 = w.l3Networks.get(nic.l3NetworkUuid);
  const rangeOf = (version: number) => l3?.ipRanges.find((r) => r.ipVersion === version);
  const primary: UsedIp = {
    uuid: nic.usedIpUuid,
    ipRangeUuid: rangeOf(nic.ipVersion)?.uuid,
    l3NetworkUuid: nic.l3NetworkUuid,
    ipVersion: nic.ipVersion,
    ip: nic.ip,
    netmask: nic.netmask,
    gateway: nic.gateway,
    vmNicUuid: nic.uuid,
    createDate: nic.createDate,
    lastOpDate: nic.lastOpDate,
  };
  if (!nic.secondaryIps?.length) return [primary];
  const more = nic.secondaryIps.map((ip, i): UsedIp => {
    const version = ip.includes(':') ? 6 : 4;
    const range = rangeOf(version);
    return {
      ...primary,
      uuid: seedUuid('UsedIpVO', `${nic.uuid}#${i + 1}`),
      ipRangeUuid: range?.uuid,
      ipVersion: version,
      ip,
      netmask: range?.netmask ?? '',
      gateway: range?.gateway ?? '',
    };
  });
  return [primary, ...more].sort((a, b) => a.ipVersion - b.ipVersion);
}

export const networkServiceRefKind = defineKind<NetworkServiceRef>({
  name: 'NetworkServiceL3NetworkRef',
  inventoryClass: 'org.zstack.header.network.service.NetworkServiceL3NetworkRefInventory',
  members: {
    l3NetworkUuid: str((r) => r.l3NetworkUuid),
    networkServiceProviderUuid: str((r) => r.networkServiceProviderUuid),
    networkServiceType: str((r) => r.networkServiceType),
  },
  relations: { l3Network: rel1('L3Network', (r, w) => w.l3Networks.get(r.l3NetworkUuid)) },
});

export const ipRangeKind = defineKind<IpRange>({
  name: 'IpRange',
  inventoryClass: 'org.zstack.header.network.l3.IpRangeInventory',
  members: {
    uuid: str((r) => r.uuid),
    l3NetworkUuid: str((r) => r.l3NetworkUuid),
    name: str((r) => r.name),
    description: str(() => undefined),
    startIp: str((r) => r.startIp),
    endIp: str((r) => r.endIp),
    netmask: str((r) => r.netmask),
    gateway: str((r) => r.gateway),
    networkCidr: str((r) => r.networkCidr),
    ipVersion: num((r) => r.ipVersion),
    addressMode: str((r) => (r.ipVersion === 6 ? 'SLAAC' : undefined)),
    prefixLen: num((r) => r.prefixLen),
    ...dated<IpRange>(),
  },
  relations: { l3Network: rel1('L3Network', (r, w) => w.l3Networks.get(r.l3NetworkUuid)) },
});

export const usedIpKind = defineKind<UsedIp>({
  name: 'UsedIp',
  inventoryClass: 'org.zstack.header.network.l3.UsedIpInventory',
  members: {
    uuid: str((r) => r.uuid),
    ipRangeUuid: str((r) => r.ipRangeUuid),
    l3NetworkUuid: str((r) => r.l3NetworkUuid),
    ipVersion: num((r) => r.ipVersion),
    ip: str((r) => r.ip),
    netmask: str((r) => r.netmask),
    gateway: str((r) => r.gateway),
    usedFor: str(() => 'Vm'),
    ipInLong: num((r) => (r.ipVersion === 4 ? ipv4ToInt(r.ip) : 0)),
    ipInBinary: json((r) => ipBytes(r.ip)),
    vmNicUuid: str((r) => r.vmNicUuid),
    ...dated<UsedIp>(),
  },
  relations: {
    l3Network: rel1('L3Network', (r, w) => w.l3Networks.get(r.l3NetworkUuid)),
    vmNic: rel1('VmNic', (r, w) => w.nics.get(r.vmNicUuid)),
  },
});

function* nicsOfL3(l3: L3Network, w: World): Iterable<VmNic> {
  for (const n of w.nics.list) if (n.l3NetworkUuid === l3.uuid) yield n;
}

export const l3Kind = defineRoot<L3Network>({
  name: 'L3Network',
  inventoryClass: 'org.zstack.header.network.l3.L3NetworkInventory',
  members: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    type: str(() => 'L3BasicNetwork'),
    zoneUuid: str(() => ZONE_UUID),
    l2NetworkUuid: str(() => L2_UUID),
    state: str(() => 'Enabled'),
    system: bool(() => false),
    category: str((r) => r.category),
    ipVersion: num((r) => r.ipVersion),
    enableIPAM: bool(() => true),
    isolated: bool(() => false),
    ...dated<L3Network>(),
    dns: json((r) => r.dns),
    ipRanges: list('IpRange', (r) => r.ipRanges, { queryable: true }),
    networkServices: list('NetworkServiceL3NetworkRef', (r) => networkServiceRefs(r), { queryable: true }),
    hostRoute: json(() => []),
    reservedIpRanges: json(() => []),
  },
  relations: { vmNic: rel('VmNic', nicsOfL3) },
  rows: (w) => w.l3Networks.list,
  get: (w, uuid) => w.l3Networks.get(uuid),
  visible: (v, r) => owned(v, r.owner),
});

export const vipKind = defineRoot<Vip>({
  name: 'Vip',
  inventoryClass: 'org.zstack.network.service.vip.VipInventory',
  members: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    ipRangeUuid: str((r, w) => w.l3Networks.get(r.l3NetworkUuid)?.ipRanges[0]?.uuid),
    l3NetworkUuid: str((r) => r.l3NetworkUuid),
    ip: str((r) => r.ip),
    state: str(() => 'Enabled'),
    gateway: str((r, w) => w.l3Networks.get(r.l3NetworkUuid)?.ipRanges[0]?.gateway),
    netmask: str((r, w) => w.l3Networks.get(r.l3NetworkUuid)?.ipRanges[0]?.netmask),
    prefixLen: num((r, w) => w.l3Networks.get(r.l3NetworkUuid)?.ipRanges[0]?.prefixLen),
    serviceProvider: str(() => 'vrouter'),
    peerL3NetworkUuids: json(() => []),
    servicesRefs: json(() => []),
    useFor: str(() => 'LoadBalancer'),
    system: bool(() => false),
    ...dated<Vip>(),
  },
  relations: {
    loadBalancer: rel('LoadBalancer', (r, w) => w.loadBalancers.list.filter((lb) => lb.vipUuid === r.uuid)),
  },
  rows: (w) => w.vips.list,
  get: (w, uuid) => w.vips.get(uuid),
  visible: (v, r) => owned(v, r.owner),
});
