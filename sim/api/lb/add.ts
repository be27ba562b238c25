/**
 * AddBackendServerToServerGroup: one function per check of LoadBalancerApiInterceptor.validate(
 * APIAddBackendServerToServerGroupMsg) (plugin/loadBalancer/src/main/java/org/zstack/network/service/lb/
 * LoadBalancerApiInterceptor.java), in its order and with its messages, then the write of
 * LoadBalancerBase.addBackendServerToServergroup. ZStack runs several of these checks as nested loops over
 * lists; here each is a pass over the request and the group with sets, so a write is linear in its size.
 * The interceptor does not refuse duplicates within one request and the tables have no unique key: an entry
 * given twice is stored twice.
 */
import { argerr, inerr, operr } from '../../core/errors.ts';
import { serverGroupInventory } from '../../model/inventory.ts';
import type { LoadBalancer, ServerGroup, VmNic } from '../../model/types.ts';
import type { World } from '../../model/world.ts';
import type { ApiCall } from '../../rest/api.ts';
import type { StringMap } from '../../rest/params.ts';
import { isIpAddress } from '../../util/ip.ts';
import { javaParseInt, javaParseLong } from '../../util/java.ts';
import {
  entriesOf,
  has,
  LB_SERVICE,
  loadBalancerOf,
  NIC_IP_VERSION_DEFAULT,
  sqlKey,
  targetGroup,
  validWeight,
  WEIGHT_DEFAULT,
} from './common.ts';

/** Every used IP of a NIC (VmNicInventory.usedIps: a dual-stack NIC has an IPv4 and an IPv6 one). */
export const usedIpsOfNic = (nic: VmNic): string[] => [nic.ip, ...(nic.secondaryIps ?? [])];

function loadBalancerOfGroup(w: World, sg: ServerGroup): LoadBalancer {
  const lb = loadBalancerOf(w, sg);
  if (!lb) throw argerr('loadbalacerServerGroup [%s] is non-existent', sg.uuid);
  return lb;
}

/** `usedIps`: VmNicVO.ip of the member NICs (their primary IP only) and the group's server IPs. */
function usedIpsOfGroup(w: World, sg: ServerGroup): Set<string> {
  const used = new Set<string>();
  for (const ref of sg.nicRefs) {
    const ip = w.nics.get(ref.vmNicUuid)?.ip;
    if (ip !== undefined) used.add(ip);
  }
  for (const s of sg.serverIps) used.add(s.ipAddress);
  return used;
}

/** Per entry: a "uuid" key, an existing NIC, a weight that is a Java long in 0..100 when given. */
function checkVmNicEntries(w: World, sg: ServerGroup, vmNics: StringMap[]): string[] {
  const uuids: string[] = [];
  for (const m of vmNics) {
    if (!has(m, 'uuid'))
      throw argerr(
        'could not add backend server vmnic to serverGroup[uuid:%s],because vmnic uuid is null',
        sg.uuid,
      );
    const uuid = m.uuid ?? null;
    uuids.push(String(uuid));
    if (uuid === null || !w.nics.has(uuid)) {
      throw argerr(
        'could not add backend server vmnic[uuid:%s] to serverGroup[uuid:%s],because vmnic uuid is not exist',
        uuid,
        sg.uuid,
      );
    }
    if (has(m, 'weight') && m.weight !== null && validWeight(m.weight) === undefined) {
      // ZStack passes one argument to this two-placeholder message.
      throw argerr(
        'could not add backend server vmnic to serverGroup[uuid:%s] ,because vmnic weight[%s] not a correct number',
        m.weight,
      );
    }
  }
  return uuids;
}

function distinctNics(w: World, uuids: readonly string[]): VmNic[] {
  const seen = new Set<string>();
  const nics: VmNic[] = [];
  for (const u of uuids) {
    const nic = w.nics.get(u);
    if (nic && !seen.has(u)) {
      seen.add(u);
      nics.push(nic);
    }
  }
  return nics;
}

function checkLbServiceOnL3s(w: World, nics: readonly VmNic[]): void {
  const l3s = new Set(nics.map((n) => n.l3NetworkUuid));
  for (const l3 of [...l3s]) if (w.l3Networks.get(l3)?.services.includes(LB_SERVICE)) l3s.delete(l3);
  if (l3s.size)
    throw operr('L3 networks[uuids:%s] of the vm nics has no network service[%s] enabled', l3s, LB_SERVICE);
}

function checkNicsNotInGroup(sg: ServerGroup, uuids: readonly string[]): void {
  const asked = new Set(uuids);
  const existing = sg.nicRefs.filter((r) => asked.has(r.vmNicUuid)).map((r) => r.vmNicUuid);
  if (existing.length)
    throw operr(
      'the vm nics[uuid:%s] are already on the load balancer servegroup [uuid:%s]',
      existing,
      sg.uuid,
    );
}

/** Every used IP of the NICs (UsedIpVO rows) against `usedIps`; then they count as used for the server IPs. */
function checkNicIpsUnused(sg: ServerGroup, nics: readonly VmNic[], usedIps: Set<string>): void {
  const nicIps = nics.flatMap(usedIpsOfNic);
  if (nicIps.some((ip) => usedIps.has(ip))) {
    throw operr(
      'could not add backend server vmnic to serverGroup [uuid:%s], because vmnic ip [ipAddress:%s] is repeated',
      sg.uuid,
      nicIps,
    );
  }
  for (const ip of nicIps) usedIps.add(ip);
}

/** A listener of the group must not already reach one of the NICs through any of its groups. */
function checkListenersDoNotHaveNics(w: World, sg: ServerGroup, uuids: readonly string[]): void {
  const asked = new Set(uuids);
  for (const ref of sg.listenerRefs) {
    const listener = w.listeners.get(ref.listenerUuid);
    if (!listener) continue;
    const reached = listener.serverGroupRefs.some((r) =>
      w.serverGroups.get(r.serverGroupUuid)?.nicRefs.some((n) => asked.has(n.vmNicUuid)),
    );
    if (reached) {
      throw operr(
        'could not add vm nic [uuid:%s] to server group [uuid:%s] because listener [uuid:%s] attached this server group already the nic to be added',
        uuids,
        sg.uuid,
        listener.uuid,
      );
    }
  }
}

/** Per entry: a valid IP not in `usedIps` (exact match), a weight that is a Java long in 0..100 when given. */
function checkServerEntries(sg: ServerGroup, servers: StringMap[], usedIps: ReadonlySet<string>): string[] {
  const ips: string[] = [];
  for (const m of servers) {
    const ip = m.ipAddress;
    if (has(m, 'ipAddress') && ip && isIpAddress(ip)) {
      if (usedIps.has(ip))
        throw operr(
          'could not add backend server ip to serverGroup [uuid:%s], because ip [ipAddress:%s] is repeated',
          sg.uuid,
          ip,
        );
      ips.push(ip);
    } else {
      // ZStack names the valid IPs seen so far, not the bad one.
      throw operr(
        'could not add backend server ip to serverGroup [uuid:%s], because ip [ipAddress:%s] is invalid',
        sg.uuid,
        [...ips],
      );
    }
    if (has(m, 'weight') && m.weight !== null && validWeight(m.weight) === undefined) {
      throw argerr(
        'could not add backend server ip to serverGroup[uuid:%s] ,because vmnic weight[%s] not a correct number',
        m.weight,
      );
    }
  }
  return ips;
}

/** The group's server IPs equal to one asked for in MySQL's case-insensitive comparison (as stored). */
function checkServerIpsNotInGroup(sg: ServerGroup, ips: readonly string[]): void {
  const asked = new Set(ips.map(sqlKey));
  const existing = new Set(
    sg.serverIps.filter((s) => asked.has(sqlKey(s.ipAddress))).map((s) => s.ipAddress),
  );
  if (existing.size)
    throw operr(
      'the server ips [uuid:%s] are already on the load balancer servegroup [uuid:%s]',
      existing,
      sg.uuid,
    );
}

function checkNotShared(lb: LoadBalancer): void {
  if (lb.type === 'Shared') throw argerr('could not add server ip to share load balancer server group');
}

/**
 * The handler reads a present "weight" with Long.valueOf (checked above) and "ipVersion" with
 * Integer.valueOf (not checked): a bad ipVersion throws in its first flow, before anything is written, and
 * the flow chain fails with inerr(exception message) (SimpleFlowChain.runFlow).
 */
function checkIpVersions(vmNics: StringMap[]): void {
  for (const m of vmNics) {
    if (has(m, 'ipVersion') && javaParseInt(m.ipVersion ?? '') === undefined) {
      throw inerr('For input string: "%s"', m.ipVersion);
    }
  }
}

const weightOf = (m: StringMap): number =>
  has(m, 'weight') ? Number(javaParseLong(m.weight)) : WEIGHT_DEFAULT;

function writeBackends(w: World, sg: ServerGroup, vmNics: StringMap[], servers: StringMap[]): void {
  const now = Date.now();
  for (const m of vmNics) {
    w.addNicRef(sg, {
      id: w.newId(),
      serverGroupUuid: sg.uuid,
      vmNicUuid: m.uuid ?? '',
      weight: weightOf(m),
      ipVersion:
        (has(m, 'ipVersion') ? javaParseInt(m.ipVersion ?? '') : undefined) ?? NIC_IP_VERSION_DEFAULT,
      status: 'Active',
      createDate: now,
      lastOpDate: now,
    });
  }
  for (const m of servers) {
    sg.serverIps.push({
      id: w.newId(),
      serverGroupUuid: sg.uuid,
      ipAddress: m.ipAddress ?? '',
      weight: weightOf(m),
      status: 'Active',
      createDate: now,
      lastOpDate: now,
    });
  }
}

export function addBackendServers(call: ApiCall): unknown {
  const w = call.state.world;
  const { sg } = targetGroup(call);
  const vmNics = entriesOf(call.params, 'vmNics');
  const servers = entriesOf(call.params, 'servers');

  const lb = loadBalancerOfGroup(w, sg);
  const usedIps = usedIpsOfGroup(w, sg);
  let canAddVmNic = false;
  let canAddServerIp = false;

  if (vmNics.length) {
    const uuids = checkVmNicEntries(w, sg, vmNics);
    const nics = distinctNics(w, uuids);
    checkLbServiceOnL3s(w, nics);
    checkNicsNotInGroup(sg, uuids);
    checkNicIpsUnused(sg, nics, usedIps);
    checkListenersDoNotHaveNics(w, sg, uuids);
    canAddVmNic = true;
  }
  if (servers.length) {
    const ips = checkServerEntries(sg, servers, usedIps);
    checkServerIpsNotInGroup(sg, ips);
    checkNotShared(lb);
    canAddServerIp = true;
  }
  if (!canAddVmNic && !canAddServerIp) throw argerr('vmnic or ip is null');

  checkIpVersions(vmNics);
  writeBackends(w, sg, vmNics, servers);
  return { inventory: serverGroupInventory(sg) };
}
