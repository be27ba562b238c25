/**
 * ChangeLoadBalancerBackendServer: LoadBalancerApiInterceptor.validate(APIChangeLoadBalancerBackendServerMsg)
 * check by check, then LoadBalancerBase's update of the weights. Each entry is looked up in an index of the
 * group instead of a query per entry, so the write is linear in its size.
 */
import { argerr, inerr, operr } from '../../core/errors.ts';
import { serverGroupInventory } from '../../model/inventory.ts';
import type { LoadBalancer, NicRef, ServerGroup, ServerIp } from '../../model/types.ts';
import type { World } from '../../model/world.ts';
import type { ApiCall } from '../../rest/api.ts';
import type { StringMap } from '../../rest/params.ts';
import { isIpv4 } from '../../util/ip.ts';
import { entriesOf, has, loadBalancerOf, sqlKey, targetGroup, validWeight } from './common.ts';

function loadBalancerOfGroup(w: World, sg: ServerGroup): LoadBalancer {
  const lb = loadBalancerOf(w, sg);
  if (!lb) throw argerr('could not find loadBalancer with serverGroup [uuid:%s]', sg.uuid);
  return lb;
}

function indexBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = index.get(k);
    if (list) list.push(row);
    else index.set(k, [row]);
  }
  return index;
}

/**
 * Q.find() of the entry's row: JPA's getSingleResult fails on a row stored twice (inferred: ZStack reports the
 * exception's message as an internal error).
 */
function single<T>(rows: T[] | undefined): T | undefined {
  if (rows && rows.length > 1) throw inerr('query did not return a unique result: %s', rows.length);
  return rows?.[0];
}

/** Per NIC entry: a "uuid" that is a member, and a weight (a Java long in 0..100). */
function checkVmNicEntries(sg: ServerGroup, vmNics: StringMap[]): Map<NicRef, number> {
  const refs = indexBy(sg.nicRefs, (r) => r.vmNicUuid);
  const weights = new Map<NicRef, number>();
  for (const m of vmNics) {
    if (!has(m, 'uuid'))
      throw argerr(
        'could not update backend server vmnic of serverGroup[uuid:%s],because vmnic uuid is null',
        sg.uuid,
      );
    const ref = single(refs.get(m.uuid ?? ''));
    if (!ref) {
      // ZStack prints vmNic.containsKey("uuid"), a boolean, where the uuid belongs.
      throw argerr(
        'could not update backend server vmnic of serverGroup,because serverGroup[uuid:%s] don not have vmnic [uuid:%s] ',
        sg.uuid,
        true,
      );
    }
    if (!has(m, 'weight')) throw argerr('invalid balancer weight[vimNic:%s], weight is null', m.uuid);
    const weight = validWeight(m.weight);
    if (weight === undefined) {
      throw argerr(
        'could not change backend server vmnic to serverGroup[uuid:%s] ,because vmnic weight[%s] not a correct number',
        m.weight,
      );
    }
    weights.set(ref, weight);
  }
  return weights;
}

/** Per server entry: an IPv4 address that is a member (MySQL compares case-insensitively), and a weight. */
function checkServerEntries(sg: ServerGroup, servers: StringMap[]): Map<ServerIp, number> {
  const rows = indexBy(sg.serverIps, (s) => sqlKey(s.ipAddress));
  const weights = new Map<ServerIp, number>();
  const ips: string[] = [];
  for (const m of servers) {
    const ip = m.ipAddress;
    if (!has(m, 'ipAddress') || !ip || !isIpv4(ip)) {
      throw operr(
        'could not add backend server ip to serverGroup [uuid:%s], because ip [ipAddress:%s] is invalid',
        sg.uuid,
        [...ips],
      );
    }
    const row = single(rows.get(sqlKey(ip)));
    if (!row) {
      throw argerr(
        'could not update backend server ip of serverGroup,because serverGroup[uuid:%s] don not have ip [ipAddress:%s] ',
        sg.uuid,
        ip,
      );
    }
    ips.push(ip);
    if (!has(m, 'weight')) throw argerr('invalid balancer weight[serverIp:%s], weight is null', ip);
    const weight = validWeight(m.weight);
    if (weight === undefined) {
      // ZStack's server weight error of Change is the message of Add.
      throw argerr(
        'could not add backend server ip to serverGroup[uuid:%s] ,because vmnic weight[%s] not a correct number',
        m.weight,
      );
    }
    weights.set(row, weight);
  }
  return weights;
}

export function changeBackendServers(call: ApiCall): unknown {
  const w = call.state.world;
  const { sg } = targetGroup(call);
  const vmNics = entriesOf(call.params, 'vmNics');
  const servers = entriesOf(call.params, 'servers');

  const lb = loadBalancerOfGroup(w, sg);
  const nicWeights = checkVmNicEntries(sg, vmNics);
  const ipWeights = servers.length ? checkServerEntries(sg, servers) : new Map<ServerIp, number>();
  if (servers.length && lb.type === 'Shared')
    throw argerr('could not add server ip to share load balancer server group');
  if (!nicWeights.size && !ipWeights.size)
    throw argerr('could not change backendserver, beacause vmincs and serverips is null');

  const now = Date.now();
  for (const [row, weight] of [...nicWeights, ...ipWeights]) {
    row.weight = weight;
    row.lastOpDate = now;
  }
  return { inventory: serverGroupInventory(sg) };
}
