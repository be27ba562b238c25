/** VM instances and their NICs (ZStack's header/vm). */
import { seedUuid } from '../../util/uuid.ts';
import { dated, defineRoot, json, list, lookup, num, owned, rel, rel1, str } from '../describe.ts';
import type { VmInstance, VmNic } from '../types.ts';
import type { World } from '../world.ts';
import { usedIpsOf, ZONE_UUID } from './network.ts';

const CLUSTER_UUID = seedUuid('ClusterVO', 'cluster-1');
const HOST_UUID = seedUuid('HostVO', 'host-1');
const IMAGE_UUID = seedUuid('ImageVO', 'centos-7');
const ROUTER_IMAGE_UUID = seedUuid('ImageVO', 'vrouter');
const OFFERING_UUID = seedUuid('InstanceOfferingVO', 'small');
const ROUTER_OFFERING_UUID = seedUuid('InstanceOfferingVO', 'vrouter');

/** A VM's NICs in ZStack's order (VmNicInventory.valueOf sorts by deviceId). */
export function nicsOfVm(vm: VmInstance, w: World): VmNic[] {
  const nics: VmNic[] = [];
  for (const u of vm.nicUuids) {
    const n = w.nics.get(u);
    if (n) nics.push(n);
  }
  return nics.length > 1 ? nics.sort((a, b) => a.deviceId - b.deviceId) : nics;
}

export const vmNicKind = defineRoot<VmNic>({
  name: 'VmNic',
  inventoryClass: 'org.zstack.header.vm.VmNicInventory',
  members: {
    uuid: str((r) => r.uuid),
    vmInstanceUuid: str((r) => r.vmInstanceUuid),
    usedIpUuid: str((r) => r.usedIpUuid, { noSee: true }),
    l3NetworkUuid: str((r) => r.l3NetworkUuid),
    ip: str((r) => r.ip),
    mac: str((r) => r.mac),
    hypervisorType: str(() => 'KVM'),
    netmask: str((r) => r.netmask),
    gateway: str((r) => r.gateway),
    metaData: str((r) => r.metaData),
    // @Deprecated and never set by VmNicInventory's constructor: a column to query, absent on the wire.
    ipVersion: num((r) => r.ipVersion, { wire: false }),
    driverType: str(() => 'virtio'),
    usedIps: list('UsedIp', (r, w) => usedIpsOf(r, w)),
    internalName: str((r) => `vnic${r.uuid.slice(0, 6)}.${r.deviceId}`),
    deviceId: num((r) => r.deviceId),
    type: str(() => 'VNIC'),
    state: str(() => 'enable'),
    ...dated<VmNic>(),
  },
  relations: {
    vmInstance: rel1('VmInstance', (r, w) => w.vms.get(r.vmInstanceUuid)),
    l3Network: rel1('L3Network', (r, w) => w.l3Networks.get(r.l3NetworkUuid)),
    usedIp: rel('UsedIp', (r, w) => usedIpsOf(r, w)),
    loadBalancerServerGroupRef: rel('LoadBalancerServerGroupVmNicRef', (r, w) => w.refsOfNic(r.uuid)),
    loadBalancerServerGroup: rel('LoadBalancerServerGroup', (r, w) =>
      lookup(
        w.refsOfNic(r.uuid).map((ref) => ref.serverGroupUuid),
        (u) => w.serverGroups.get(u),
      ),
    ),
  },
  rows: (w) => w.nics.list,
  get: (w, uuid) => w.nics.get(uuid),
  visible: (v, r) => owned(v, r.owner),
});

const router = (vm: VmInstance) => vm.type === 'ApplianceVm';

export const vmKind = defineRoot<VmInstance>({
  name: 'VmInstance',
  inventoryClass: 'org.zstack.header.vm.VmInstanceInventory',
  members: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    zoneUuid: str(() => ZONE_UUID),
    clusterUuid: str(() => CLUSTER_UUID),
    imageUuid: str((r) => (router(r) ? ROUTER_IMAGE_UUID : IMAGE_UUID)),
    hostUuid: str((r) => (r.state === 'Running' ? HOST_UUID : undefined)),
    lastHostUuid: str(() => HOST_UUID),
    instanceOfferingUuid: str((r) => (router(r) ? ROUTER_OFFERING_UUID : OFFERING_UUID)),
    rootVolumeUuid: str((r) => r.rootVolumeUuid),
    platform: str(() => 'Linux'),
    architecture: str(() => 'x86_64'),
    defaultL3NetworkUuid: str((r, w) => w.nics.get(r.nicUuids[0])?.l3NetworkUuid),
    type: str((r) => r.type),
    hypervisorType: str(() => 'KVM'),
    memorySize: num((r) => r.memorySize),
    cpuNum: num((r) => r.cpuNum),
    cpuSpeed: num(() => 0),
    allocatorStrategy: str(() => 'LeastVmPreferredHostAllocatorStrategy'),
    ...dated<VmInstance>(),
    state: str((r) => r.state),
    vmNics: list('VmNic', (r, w) => nicsOfVm(r, w)),
    allVolumes: json(() => []),
    vmCdRoms: json(() => []),
  },
  relations: {
    vmNics: rel('VmNic', (r, w) => lookup(r.nicUuids, (u) => w.nics.get(u))),
  },
  rows: (w) => w.vms.list,
  get: (w, uuid) => w.vms.get(uuid),
  visible: (v, r) => owned(v, r.owner),
});
