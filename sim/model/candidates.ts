/**
 * Which NICs a server group may take and which L3 networks its load balancer reaches, as ZStack's virtual
 * router backend decides (plugin/virtualRouterProvider/.../lb/VirtualRouterLoadBalancerBackend.java
 * getAttachableVmNicsForServerGroup, VirtualRouterManagerImpl.getPeerL3NetworksForLoadBalancer).
 */
import { nicsOfVm } from './kinds/vm.ts';
import { usedIpsOf } from './kinds/network.ts';
import type { LoadBalancer, ServerGroup, VmInstance, VmNic } from './types.ts';
import type { World } from './world.ts';

const LB_SERVICE = 'LoadBalancer';
/** VirtualRouterNicMetaData.GUEST_NIC_MASK_STRING_LIST: guest, alone or with public and/or management. */
const GUEST_MASKS = new Set(['4', '5', '6', '7']);
/** VirtualRouterNicMetaData.GUEST_NIC_MASK: a guest NIC and nothing else. */
const GUEST_ONLY = '4';
const CANDIDATE_VM_TYPES = new Set(['UserVM', 'baremetal2']);

const hasLbService = (w: World, l3Uuid: string): boolean =>
  w.l3Networks.get(l3Uuid)?.services.includes(LB_SERVICE) ?? false;

function guestL3s(w: World, vr: VmInstance, masks: (m: string) => boolean): string[] {
  return nicsOfVm(vr, w)
    .filter((n) => n.metaData !== undefined && masks(n.metaData))
    .map((n) => n.l3NetworkUuid);
}

/**
 * The router to read the networks from: the one with a guest NIC on a network of the group's members,
 * else the one the load balancer is applied on.
 */
function routerFor(w: World, lb: LoadBalancer, sg: ServerGroup | undefined): VmInstance | undefined {
  const memberL3s = new Set(sg?.nicRefs.map((r) => w.nics.get(r.vmNicUuid)?.l3NetworkUuid));
  if (memberL3s.size) {
    for (const vr of w.routers) {
      if (guestL3s(w, vr, (m) => GUEST_MASKS.has(m)).some((u) => memberL3s.has(u))) return vr;
    }
  }
  return lb.virtualRouterUuid ? w.vms.get(lb.virtualRouterUuid) : undefined;
}

/** Without a router: the guest networks of the routers with a NIC on the VIP's network. */
function viaVip(w: World, lb: LoadBalancer): string[] {
  const vipL3 = w.vips.get(lb.vipUuid)?.l3NetworkUuid;
  const routers = w.routers.filter((vr) =>
    nicsOfVm(vr, w).some((n) => n.l3NetworkUuid === vipL3 && n.metaData !== undefined),
  );
  return routers.flatMap((vr) => guestL3s(w, vr, (m) => GUEST_MASKS.has(m)));
}

/** The L3 networks whose NICs the group may take: its router's guest networks with the LoadBalancer service. */
export function attachableL3s(w: World, lb: LoadBalancer, sg: ServerGroup | undefined): Set<string> {
  const vr = routerFor(w, lb, sg);
  const l3s = vr ? guestL3s(w, vr, (m) => GUEST_MASKS.has(m)) : viaVip(w, lb);
  return new Set(l3s.filter((u) => hasLbService(w, u)));
}

/** A NIC of the version a group takes: an IPv4 group refuses IPv6-only NICs and the reverse (dual stack fits both). */
function fitsVersion(nic: VmNic, w: World, ipVersion: number): boolean {
  if (!nic.secondaryIps?.length) return nic.ipVersion === ipVersion;
  const ips = usedIpsOf(nic, w);
  return ips.length !== 1 || ips[0]?.ipVersion === ipVersion;
}

/** NICs of user VMs that are Running or Stopped, with an IP and no router role, on those networks, minus members. */
export function attachableNics(
  w: World,
  lb: LoadBalancer,
  sg: ServerGroup | undefined,
  ipVersion: number,
): VmNic[] {
  const l3s = attachableL3s(w, lb, sg);
  if (!l3s.size) return [];
  const members = new Set(sg?.nicRefs.map((r) => r.vmNicUuid));
  const out: VmNic[] = [];
  for (const nic of w.nics.list) {
    if (!l3s.has(nic.l3NetworkUuid) || nic.metaData !== undefined || !nic.ip) continue;
    const vm = w.vms.get(nic.vmInstanceUuid);
    if (!vm || !CANDIDATE_VM_TYPES.has(vm.type) || (vm.state !== 'Running' && vm.state !== 'Stopped'))
      continue;
    if (!fitsVersion(nic, w, ipVersion) || members.has(nic.uuid)) continue;
    out.push(nic);
  }
  // VmNicInventory.valueOf(Collection) sorts by device id (a stable sort keeps the rest in table order).
  return out.sort((a, b) => a.deviceId - b.deviceId);
}

/**
 * GetCandidateL3NetworksForServerGroup / ForLoadBalancer: the networks with the LoadBalancer service that
 * are guest networks (metaData exactly "4") of the router the load balancer is applied on.
 */
export function peerL3s(w: World, lb: LoadBalancer): string[] {
  const vr = lb.virtualRouterUuid ? w.vms.get(lb.virtualRouterUuid) : undefined;
  const guests = new Set(vr ? guestL3s(w, vr, (m) => m === GUEST_ONLY) : viaVip(w, lb));
  return w.l3Networks.list
    .filter((l3) => guests.has(l3.uuid) && hasLbService(w, l3.uuid))
    .map((l3) => l3.uuid);
}
