/**
 * Load balancer backends (contract §4), validated in the order of ZStack's LoadBalancerApiInterceptor and
 * with its messages. ZStack resolves its English messages through MessageFormat, so a format with fewer
 * arguments than placeholders keeps a literal "{1}" (the weight messages do).
 */
import { argerr, inerr, operr } from '../core/errors.ts';
import { ownsTarget, type Identity } from '../core/rbac.ts';
import type { SimState } from '../core/state.ts';
import { API } from '../model/constants.ts';
import { serverGroupInventory } from '../model/inventory.ts';
import type { LoadBalancer, ServerGroup, VmNic } from '../model/types.ts';
import type { World } from '../model/world.ts';
import type { ActionApiDef, ApiCall } from '../rest/api.ts';
import type { Params, StringMap } from '../rest/params.ts';
import { isIpAddress, isIpv4 } from '../util/ip.ts';
import { javaList, javaParseInt, javaParseLong, messageFormat } from '../util/java.ts';
import { RES } from './resources.ts';

const LB_SERVICE = 'LoadBalancer';
const WEIGHT_MIN = 0n;
const WEIGHT_MAX = 100n;
const WEIGHT_DEFAULT = 100;
const NIC_IP_VERSION_DEFAULT = 4;

function need<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('missing value after parameter checks');
  return v;
}

const has = (m: StringMap, key: string): boolean => Object.prototype.hasOwnProperty.call(m, key);

/** Java's Long.valueOf plus the 0..100 range check; both failures read "not a correct number" in ZStack. */
function validWeight(w: string | null | undefined): number | undefined {
  const v = javaParseLong(w);
  return v === undefined || v < WEIGHT_MIN || v > WEIGHT_MAX ? undefined : Number(v);
}

function serialKeyOfGroup(state: SimState, params: Params): string | undefined {
  const sgUuid = params.str('serverGroupUuid')?.trim();
  if (!sgUuid) return undefined;
  const lb = state.world.serverGroups.get(sgUuid)?.loadBalancerUuid;
  return `lb:${lb ?? sgUuid}`;
}

/** The target group after the ownership check (operation target: "has no access" for a group not owned). */
function targetGroup(call: ApiCall): { sg: ServerGroup; id: Identity } {
  const id = need(call.identity);
  const sg = need(call.state.world.serverGroups.get(call.params.str('serverGroupUuid')));
  if (!ownsTarget(id, sg.owner)) {
    throw operr(
      `the account[uuid:${id.accountUuid}] has no access to the resources[uuid:${javaList([sg.uuid])}, type:LoadBalancerServerGroupVO]`,
    );
  }
  return { sg, id };
}

function usedIpsOf(w: World, sg: ServerGroup): string[] {
  const ips = sg.nicRefs
    .map((r) => w.nics.get(r.vmNicUuid)?.ip)
    .filter((ip): ip is string => ip !== undefined);
  return [...ips, ...sg.serverIps.map((s) => s.ipAddress)];
}

const sameIp = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function lbOf(w: World, sg: ServerGroup): LoadBalancer | undefined {
  return sg.loadBalancerUuid ? w.loadBalancers.get(sg.loadBalancerUuid) : undefined;
}

// ---- AddBackendServerToServerGroup ------------------------------------------------------------

function addBackendServers(call: ApiCall): unknown {
  const { state } = call;
  const w = state.world;
  const { sg } = targetGroup(call);
  const vmNics = (call.params.maps('vmNics') ?? []) as StringMap[];
  const servers = (call.params.maps('servers') ?? []) as StringMap[];

  const lb = lbOf(w, sg);
  if (!lb) throw argerr(`loadbalacerServerGroup [${sg.uuid}] is non-existent`);
  const usedIps = usedIpsOf(w, sg);
  let canAddVmNic = false;
  let canAddServerIp = false;

  const nicUuids: string[] = [];
  if (vmNics.length) {
    for (const m of vmNics) {
      if (!has(m, 'uuid'))
        throw argerr(
          `could not add backend server vmnic to serverGroup[uuid:${sg.uuid}],because vmnic uuid is null`,
        );
      const uuid = m.uuid ?? null;
      nicUuids.push(String(uuid));
      if (uuid === null || !w.nics.has(uuid)) {
        throw argerr(
          `could not add backend server vmnic[uuid:${String(uuid)}] to serverGroup[uuid:${sg.uuid}],because vmnic uuid is not exist`,
        );
      }
      if (has(m, 'weight') && m.weight !== null && validWeight(m.weight) === undefined) {
        throw argerr(
          messageFormat(
            'could not add backend server vmnic to serverGroup[uuid:{0}] ,because vmnic weight[{1}] not a correct number',
            m.weight,
          ),
        );
      }
    }
    const nics = [...new Set(nicUuids)].map((u) => w.nics.get(u)).filter((n): n is VmNic => n !== undefined);
    const l3s = new Set(nics.map((n) => n.l3NetworkUuid));
    for (const l3 of [...l3s]) if (w.l3Networks.get(l3)?.services.includes(LB_SERVICE)) l3s.delete(l3);
    if (l3s.size)
      throw operr(
        `L3 networks[uuids:${javaList([...l3s])}] of the vm nics has no network service[${LB_SERVICE}] enabled`,
      );

    const existing = sg.nicRefs.filter((r) => nicUuids.includes(r.vmNicUuid)).map((r) => r.vmNicUuid);
    if (existing.length)
      throw operr(
        `the vm nics[uuid:${javaList(existing)}] are already on the load balancer servegroup [uuid:${sg.uuid}]`,
      );

    const nicIps = nics.map((n) => n.ip);
    if (nicIps.some((ip) => usedIps.includes(ip))) {
      throw operr(
        `could not add backend server vmnic to serverGroup [uuid:${sg.uuid}], because vmnic ip [ipAddress:${javaList(nicIps)}] is repeated`,
      );
    }
    usedIps.push(...nicIps);

    for (const ref of sg.listenerRefs) {
      const listener = w.listeners.get(ref.listenerUuid);
      if (!listener) continue;
      const attached = listener.serverGroupRefs.flatMap(
        (r) => w.serverGroups.get(r.serverGroupUuid)?.nicRefs.map((n) => n.vmNicUuid) ?? [],
      );
      if (attached.some((u) => nicUuids.includes(u))) {
        throw operr(
          `could not add vm nic [uuid:${javaList(nicUuids)}] to server group [uuid:${sg.uuid}] because listener [uuid:${listener.uuid}] attached this server group already the nic to be added`,
        );
      }
    }
    canAddVmNic = true;
  }

  const serverIps: string[] = [];
  if (servers.length) {
    for (const m of servers) {
      const ip = m.ipAddress;
      if (has(m, 'ipAddress') && isIpAddress(ip) && ip) {
        if (usedIps.includes(ip))
          throw operr(
            `could not add backend server ip to serverGroup [uuid:${sg.uuid}], because ip [ipAddress:${ip}] is repeated`,
          );
        serverIps.push(ip);
      } else {
        throw operr(
          `could not add backend server ip to serverGroup [uuid:${sg.uuid}], because ip [ipAddress:${javaList(serverIps)}] is invalid`,
        );
      }
      if (has(m, 'weight') && m.weight !== null && validWeight(m.weight) === undefined) {
        throw argerr(
          messageFormat(
            'could not add backend server ip to serverGroup[uuid:{0}] ,because vmnic weight[{1}] not a correct number',
            m.weight,
          ),
        );
      }
    }
    const existing = [
      ...new Set(
        sg.serverIps.filter((s) => serverIps.some((ip) => sameIp(ip, s.ipAddress))).map((s) => s.ipAddress),
      ),
    ];
    if (existing.length)
      throw operr(
        `the server ips [uuid:${javaList(existing)}] are already on the load balancer servegroup [uuid:${sg.uuid}]`,
      );
    if (lb.type === 'Shared') throw argerr('could not add server ip to share load balancer server group');
    canAddServerIp = true;
  }

  if (!canAddVmNic && !canAddServerIp) throw argerr('vmnic or ip is null');

  // ZStack's handler reads a present "weight" (and "ipVersion") with Long/Integer.valueOf: a null there fails
  // before anything is written.
  for (const m of [...vmNics, ...servers]) {
    if (has(m, 'weight') && m.weight === null) throw inerr('java.lang.NumberFormatException: null');
  }
  for (const m of vmNics) {
    if (has(m, 'ipVersion') && javaParseInt(m.ipVersion ?? '') === undefined) {
      throw inerr(`java.lang.NumberFormatException: For input string: "${String(m.ipVersion)}"`);
    }
  }

  const now = Date.now();
  const seenNics = new Set<string>();
  for (const m of vmNics) {
    const nicUuid = m.uuid ?? '';
    if (seenNics.has(nicUuid)) continue;
    seenNics.add(nicUuid);
    w.addNicRef(sg, {
      id: w.newId(),
      serverGroupUuid: sg.uuid,
      vmNicUuid: nicUuid,
      weight: has(m, 'weight') ? Number(javaParseLong(m.weight)) : WEIGHT_DEFAULT,
      ipVersion: has(m, 'ipVersion')
        ? (javaParseInt(m.ipVersion ?? '') ?? NIC_IP_VERSION_DEFAULT)
        : NIC_IP_VERSION_DEFAULT,
      status: 'Active',
      createDate: now,
      lastOpDate: now,
    });
  }
  const seenIps = new Set<string>();
  for (const m of servers) {
    const ip = m.ipAddress ?? '';
    if (seenIps.has(ip)) continue;
    seenIps.add(ip);
    sg.serverIps.push({
      id: w.newId(),
      serverGroupUuid: sg.uuid,
      ipAddress: ip,
      weight: has(m, 'weight') ? Number(javaParseLong(m.weight)) : WEIGHT_DEFAULT,
      status: 'Active',
      createDate: now,
      lastOpDate: now,
    });
  }
  return { inventory: serverGroupInventory(sg) };
}

// ---- RemoveBackendServerFromServerGroup -----------------------------------------------------

function removeBackendServers(call: ApiCall): unknown {
  const w = call.state.world;
  const { sg, id } = targetGroup(call);
  const nicUuids = (call.params.list('vmNicUuids') ?? []).filter((u): u is string => u !== null);
  const ips = (call.params.list('serverIps') ?? []).filter((u): u is string => u !== null);

  const noAccess = nicUuids.filter((u) => {
    const nic = w.nics.get(u);
    return nic !== undefined && !ownsTarget(id, nic.owner);
  });
  if (noAccess.length)
    throw operr(
      `the account[uuid:${id.accountUuid}] has no access to the resources[uuid:${javaList(noAccess)}, type:VmNicVO]`,
    );

  let nicExist = false;
  let ipExist = false;
  const nicSet = new Set(sg.nicRefs.filter((r) => nicUuids.includes(r.vmNicUuid)).map((r) => r.vmNicUuid));
  if (nicUuids.length) {
    if (!nicSet.size) throw operr(`vmnics are all not in servergroup [${sg.uuid}]`);
    nicExist = true;
  }
  const ipSet = new Set(
    sg.serverIps.filter((s) => ips.some((ip) => sameIp(ip, s.ipAddress))).map((s) => s.ipAddress),
  );
  if (ips.length) {
    if (!ipSet.size) throw operr(`serverips are all not in servergroup [${sg.uuid}]`);
    ipExist = true;
  }
  if (!nicExist && !ipExist) throw argerr('vmnic or ip is null');
  if (!sg.loadBalancerUuid) throw argerr(`loadbalacerServerGroup [${sg.uuid}] is non-existent`);

  for (const ref of sg.nicRefs.filter((r) => nicSet.has(r.vmNicUuid))) w.removeNicRef(sg, ref);
  sg.serverIps = sg.serverIps.filter((s) => !ipSet.has(s.ipAddress));
  return { inventory: serverGroupInventory(sg) };
}

// ---- ChangeLoadBalancerBackendServer --------------------------------------------------------

function changeBackendServers(call: ApiCall): unknown {
  const w = call.state.world;
  const { sg } = targetGroup(call);
  const vmNics = (call.params.maps('vmNics') ?? []) as StringMap[];
  const servers = (call.params.maps('servers') ?? []) as StringMap[];

  const lb = lbOf(w, sg);
  if (!lb) throw argerr(`could not find loadBalancer with serverGroup [uuid:${sg.uuid}]`);
  let canChangeVmNic = false;
  let canChangeServerIp = false;
  const nicWeights = new Map<string, number>();
  const ipWeights = new Map<string, number>();

  for (const m of vmNics) {
    if (!has(m, 'uuid'))
      throw argerr(
        `could not update backend server vmnic of serverGroup[uuid:${sg.uuid}],because vmnic uuid is null`,
      );
    const uuid = m.uuid ?? null;
    if (!sg.nicRefs.some((r) => r.vmNicUuid === uuid)) {
      throw argerr(
        `could not update backend server vmnic of serverGroup,because serverGroup[uuid:${sg.uuid}] don not have vmnic [uuid:true] `,
      );
    }
    if (!has(m, 'weight')) throw argerr(`invalid balancer weight[vimNic:${String(uuid)}], weight is null`);
    if (m.weight !== null) {
      const weight = validWeight(m.weight);
      if (weight === undefined) {
        throw argerr(
          messageFormat(
            'could not change backend server vmnic to serverGroup[uuid:{0}] ,because vmnic weight[{1}] not a correct number',
            m.weight,
          ),
        );
      }
      nicWeights.set(String(uuid), weight);
      canChangeVmNic = true;
    }
  }

  const serverIps: string[] = [];
  if (servers.length) {
    for (const m of servers) {
      const ip = m.ipAddress;
      if (has(m, 'ipAddress') && ip && isIpv4(ip)) {
        const existing = sg.serverIps.find((s) => sameIp(s.ipAddress, ip));
        if (!existing) {
          throw argerr(
            `could not update backend server ip of serverGroup,because serverGroup[uuid:${sg.uuid}] don not have ip [ipAddress:${ip}] `,
          );
        }
        serverIps.push(ip);
        if (!has(m, 'weight')) throw argerr(`invalid balancer weight[serverIp:${ip}], weight is null`);
        const weight = validWeight(m.weight);
        if (weight === undefined) {
          throw argerr(
            messageFormat(
              'could not add backend server ip to serverGroup[uuid:{0}] ,because vmnic weight[{1}] not a correct number',
              m.weight,
            ),
          );
        }
        ipWeights.set(existing.ipAddress, weight);
        canChangeServerIp = true;
      } else {
        throw operr(
          `could not add backend server ip to serverGroup [uuid:${sg.uuid}], because ip [ipAddress:${javaList(serverIps)}] is invalid`,
        );
      }
    }
    if (lb.type === 'Shared') throw argerr('could not add server ip to share load balancer server group');
  }
  if (!canChangeVmNic && !canChangeServerIp)
    throw argerr('could not change backendserver, beacause vmincs and serverips is null');

  const now = Date.now();
  for (const ref of sg.nicRefs) {
    const weight = nicWeights.get(ref.vmNicUuid);
    if (weight !== undefined) {
      ref.weight = weight;
      ref.lastOpDate = now;
    }
  }
  for (const s of sg.serverIps) {
    const weight = ipWeights.get(s.ipAddress);
    if (weight !== undefined) {
      s.weight = weight;
      s.lastOpDate = now;
    }
  }
  return { inventory: serverGroupInventory(sg) };
}

const groupParams = [
  { name: 'serverGroupUuid', type: 'string', required: true, resource: RES.serverGroup },
] as const;

export const LB_APIS: ActionApiDef[] = [
  {
    name: API.addBackend,
    method: 'POST',
    path: '/load-balancers/servergroups/{serverGroupUuid}/backendservers',
    mode: 'async',
    needSession: true,
    paramName: 'params',
    params: [...groupParams, { name: 'vmNics', type: 'mapList' }, { name: 'servers', type: 'mapList' }],
    serialKey: serialKeyOfGroup,
    run: addBackendServers,
  },
  {
    name: API.removeBackend,
    method: 'PUT',
    path: '/load-balancers/servergroups/{serverGroupUuid}/backendservers/actions',
    mode: 'async',
    needSession: true,
    paramName: 'removeBackendServerFromServerGroup',
    params: [
      ...groupParams,
      { name: 'vmNicUuids', type: 'stringList', resource: RES.vmNic },
      { name: 'serverIps', type: 'stringList' },
    ],
    serialKey: serialKeyOfGroup,
    run: removeBackendServers,
  },
  {
    name: API.changeBackend,
    method: 'PUT',
    path: '/load-balancers/servergroups/{serverGroupUuid}/backendserver/actions',
    mode: 'async',
    needSession: true,
    paramName: 'changeLoadBalancerBackendServer',
    params: [...groupParams, { name: 'vmNics', type: 'mapList' }, { name: 'servers', type: 'mapList' }],
    serialKey: serialKeyOfGroup,
    run: changeBackendServers,
  },
];
