/**
 * What a server group may take (ZStack's LoadBalancerBase and LoadBalancerApiInterceptor):
 * GetCandidateVmNicsForLoadBalancerServerGroup, GetCandidateL3NetworksForServerGroup and
 * GetCandidateL3NetworksForLoadBalancer. The rules themselves are in model/candidates.ts.
 */
import { inerr, operr } from '../core/errors.ts';
import { viewerOf } from '../core/rbac.ts';
import { attachableNics, peerL3s } from '../model/candidates.ts';
import { API } from '../model/constants.ts';
import { nicInventory } from '../model/inventory.ts';
import { l3Kind } from '../model/kinds/network.ts';
import type { LoadBalancer, ServerGroup } from '../model/types.ts';
import type { World } from '../model/world.ts';
import type { ActionApiDef, ApiCall } from '../rest/api.ts';
import type { Params } from '../rest/params.ts';
import { RES } from './resources.ts';

function need<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('missing value after parameter checks');
  return v;
}

/** The load balancer of a group whose load balancer was deleted: ZStack routes the message to no one. */
function lbOfGroup(w: World, sg: ServerGroup): LoadBalancer {
  const lb = sg.loadBalancerUuid ? w.loadBalancers.get(sg.loadBalancerUuid) : undefined;
  if (!lb)
    throw inerr(
      'java.lang.NullPointerException: the load balancer of server group[uuid:%s] is gone',
      sg.uuid,
    );
  return lb;
}

/** APIGetMessage.filter: `limit` items from `start`, and everything when `start` is beyond the end. */
function page<T>(items: T[], params: Params): T[] {
  const start = params.num('start') ?? 0;
  const limit = params.num('limit') ?? 1000;
  if (items.length === 0 || items.length < start) return items;
  return items.slice(start, Math.min(start + limit, items.length));
}

function candidateNics(call: ApiCall): unknown {
  const w = call.state.world;
  const sgUuid = call.params.str('servergroupUuid');
  const sg = sgUuid ? w.serverGroups.get(sgUuid) : undefined;
  let lb: LoadBalancer;
  let ipVersion = call.params.num('ipVersion') ?? 4;
  if (sg) {
    lb = lbOfGroup(w, sg);
    ipVersion = sg.ipVersion;
  } else {
    const lbUuid = call.params.str('loadBalancerUuid');
    if (!lbUuid)
      throw operr(
        'could not get candidate vmnic, because both load balancer uuid and server group uuid are not specified',
      );
    lb = need(w.loadBalancers.get(lbUuid));
  }
  const viewer = viewerOf(need(call.identity));
  return {
    inventories: attachableNics(w, lb, sg, ipVersion)
      .filter((n) => viewer.all || viewer.accounts.has(n.owner))
      .map((n) => nicInventory(n, w)),
  };
}

function l3Inventories(w: World, lb: LoadBalancer, params: Params): unknown {
  const l3s = peerL3s(w, lb).map((u) => need(w.l3Networks.get(u)));
  return { inventories: page(l3s, params).map((l3) => l3Kind.wire(l3, w)) };
}

function candidateL3sForServerGroup(call: ApiCall): unknown {
  const w = call.state.world;
  const sgUuid = call.params.str('serverGroupUuid');
  if (sgUuid) return l3Inventories(w, lbOfGroup(w, need(w.serverGroups.get(sgUuid))), call.params);
  const lbUuid = call.params.str('loadBalancerUuid');
  if (!lbUuid)
    throw operr(
      'could not get candidate l3 network, because both load balancer uuid and server group uuid are not specified',
    );
  return l3Inventories(w, need(w.loadBalancers.get(lbUuid)), call.params);
}

function candidateL3sForListener(call: ApiCall): unknown {
  const w = call.state.world;
  const listener = need(w.listeners.get(call.params.str('listenerUuid')));
  return l3Inventories(w, need(w.loadBalancers.get(listener.loadBalancerUuid)), call.params);
}

const paging = [
  { name: 'limit', type: 'int' },
  { name: 'start', type: 'int' },
] as const;

export const CANDIDATE_APIS: ActionApiDef[] = [
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
  {
    name: API.candidateL3sForServerGroup,
    method: 'GET',
    path: '/load-balancers/servergroups/candidate-l3network',
    mode: 'sync',
    needSession: true,
    params: [
      { name: 'serverGroupUuid', type: 'string', resource: RES.serverGroup },
      { name: 'loadBalancerUuid', type: 'string', resource: RES.loadBalancer },
      ...paging,
    ],
    run: candidateL3sForServerGroup,
  },
  {
    name: API.candidateL3sForListener,
    method: 'GET',
    path: '/load-balancers/listeners/{listenerUuid}/networks/candidates',
    mode: 'sync',
    needSession: true,
    params: [{ name: 'listenerUuid', type: 'string', required: true, resource: RES.listener }, ...paging],
    run: candidateL3sForListener,
  },
];
