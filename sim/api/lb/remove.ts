/**
 * RemoveBackendServerFromServerGroup: the operation-target check of the NICs, then
 * LoadBalancerApiInterceptor.validate(APIRemoveBackendServerFromServerGroupMsg) check by check, then the
 * handler's delete (LoadBalancerBase: every row of the group whose NIC or IP is named, so an entry stored
 * twice goes at once). Linear in the request and the group.
 */
import { argerr, operr } from '../../core/errors.ts';
import { ownsTarget, type Identity } from '../../core/rbac.ts';
import { serverGroupInventory } from '../../model/inventory.ts';
import type { ServerGroup } from '../../model/types.ts';
import type { World } from '../../model/world.ts';
import type { ApiCall } from '../../rest/api.ts';
import { sqlKey, targetGroup } from './common.ts';

const present = (list: (string | null)[] | undefined): string[] =>
  (list ?? []).filter((u): u is string => u !== null);

/** OperationTargetAPIRequestChecker on `vmNicUuids`: the NICs must be the session account's too. */
function checkNicsAccessible(w: World, id: Identity, nicUuids: readonly string[]): void {
  const noAccess = nicUuids.filter((u) => {
    const nic = w.nics.get(u);
    return nic !== undefined && !ownsTarget(id, nic.owner);
  });
  if (noAccess.length)
    throw operr(
      'the account[uuid:%s] has no access to the resources[uuid:%s, type:%s]',
      id.accountUuid,
      noAccess,
      'VmNicVO',
    );
}

/** The named NICs that are members (a set: ZStack collects them into a HashSet). */
function memberNics(sg: ServerGroup, nicUuids: readonly string[]): Set<string> {
  const asked = new Set(nicUuids);
  const found = new Set<string>();
  for (const r of sg.nicRefs) if (asked.has(r.vmNicUuid)) found.add(r.vmNicUuid);
  if (!found.size) throw operr('vmnics are all not in servergroup [%s]', sg.uuid);
  return found;
}

/** The named server IPs that are members, compared as MySQL does (case-insensitively). */
function memberServerIps(sg: ServerGroup, ips: readonly string[]): Set<string> {
  const asked = new Set(ips.map(sqlKey));
  const found = new Set<string>();
  for (const s of sg.serverIps) if (asked.has(sqlKey(s.ipAddress))) found.add(sqlKey(s.ipAddress));
  if (!found.size) throw operr('serverips are all not in servergroup [%s]', sg.uuid);
  return found;
}

export function removeBackendServers(call: ApiCall): unknown {
  const w = call.state.world;
  const { sg, id } = targetGroup(call);
  const nicUuids = present(call.params.list('vmNicUuids'));
  const ips = present(call.params.list('serverIps'));
  checkNicsAccessible(w, id, nicUuids);

  const nics = nicUuids.length ? memberNics(sg, nicUuids) : new Set<string>();
  const serverIps = ips.length ? memberServerIps(sg, ips) : new Set<string>();
  if (!nics.size && !serverIps.size) throw argerr('vmnic or ip is null');
  if (!sg.loadBalancerUuid) throw argerr('loadbalacerServerGroup [%s] is non-existent', sg.uuid);

  w.removeNicRefs(sg, (r) => nics.has(r.vmNicUuid));
  sg.serverIps = sg.serverIps.filter((s) => !serverIps.has(sqlKey(s.ipAddress)));
  return { inventory: serverGroupInventory(sg) };
}
