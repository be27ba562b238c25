/**
 * Load balancer backends: the API table, and GetCandidateVmNicsForLoadBalancerServerGroup.
 * The three writes follow LoadBalancerApiInterceptor check by check, one file each: lb/add.ts, lb/remove.ts,
 * lb/change.ts.
 */
import { inerr, operr } from '../core/errors.ts';
import { viewerOf } from '../core/rbac.ts';
import { API } from '../model/constants.ts';
import { nicInventory } from '../model/inventory.ts';
import type { ActionApiDef, ApiCall } from '../rest/api.ts';
import { addBackendServers } from './lb/add.ts';
import { changeBackendServers } from './lb/change.ts';
import { LB_SERVICE, need, serialKeyOfGroup } from './lb/common.ts';
import { removeBackendServers } from './lb/remove.ts';
import { RES } from './resources.ts';

// ---- GetCandidateVmNicsForLoadBalancerServerGroup ------------------------------------------------

function candidateNics(call: ApiCall): unknown {
  const w = call.state.world;
  const id = need(call.identity);
  const sgUuid = call.params.str('servergroupUuid');
  const sg = sgUuid ? w.serverGroups.get(sgUuid) : undefined;
  let lbUuid = call.params.str('loadBalancerUuid');
  let ipVersion = call.params.num('ipVersion') ?? 4;
  if (sg) {
    lbUuid = sg.loadBalancerUuid;
    ipVersion = sg.ipVersion;
    if (!lbUuid)
      throw inerr(
        `java.lang.NullPointerException: the load balancer of server group[uuid:${sg.uuid}] is gone`,
      );
  } else if (!lbUuid) {
    throw operr(
      'could not get candidate vmnic, because both load balancer uuid and server group uuid are not specified',
    );
  }
  const lb = need(w.loadBalancers.get(lbUuid));
  const l3s = new Set(lb.peerL3Uuids.filter((u) => w.l3Networks.get(u)?.services.includes(LB_SERVICE)));
  const attached = new Set(sg?.nicRefs.map((r) => r.vmNicUuid) ?? []);
  const viewer = viewerOf(id);
  const out: Record<string, unknown>[] = [];
  for (const nic of w.nics.list) {
    if (!l3s.has(nic.l3NetworkUuid) || nic.ipVersion !== ipVersion || attached.has(nic.uuid)) continue;
    if (!viewer.all && !viewer.accounts.has(nic.owner)) continue;
    const vm = w.vms.get(nic.vmInstanceUuid);
    if (!vm || (vm.state !== 'Running' && vm.state !== 'Stopped')) continue;
    out.push(nicInventory(nic, w));
  }
  return { inventories: out };
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
  {
    name: API.candidateNics,
    method: 'GET',
    path: '/load-balancers/servergroups/candidate-nics',
    mode: 'sync',
    needSession: true,
    params: [
      { name: 'servergroupUuid', type: 'string', resource: RES.serverGroup },
      { name: 'loadBalancerUuid', type: 'string', resource: RES.loadBalancer },
      { name: 'ipVersion', type: 'int', validValues: ['4', '6'] },
    ],
    run: candidateNics,
  },
];
