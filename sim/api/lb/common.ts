/** What the three backend writes share: the target group's checks, weights, and the per-load-balancer queue. */
import { operr } from '../../core/errors.ts';
import { ownsTarget, type Identity } from '../../core/rbac.ts';
import type { SimState } from '../../core/state.ts';
import type { LoadBalancer, ServerGroup } from '../../model/types.ts';
import type { World } from '../../model/world.ts';
import type { ApiCall } from '../../rest/api.ts';
import type { Params, StringMap } from '../../rest/params.ts';
import { javaParseLong } from '../../util/java.ts';

/** LoadBalancerConstants: BALANCER_WEIGHT_MIN/MAX/default and BALANCER_BACKEND_NIC_IPVERSION_DEFAULT. */
export const WEIGHT_MIN = 0n;
export const WEIGHT_MAX = 100n;
export const WEIGHT_DEFAULT = 100;
export const NIC_IP_VERSION_DEFAULT = 4;
export const LB_SERVICE = 'LoadBalancer';

export function need<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('missing value after parameter checks');
  return v;
}

/** Map#containsKey of the Map<String,String> Gson built (null entries never get there: see rest/params.ts). */
export const has = (m: StringMap, key: string): boolean => Object.prototype.hasOwnProperty.call(m, key);

/** The entries of a List<Map<String,String>> parameter (a null element is refused by the @APIParam checks). */
export const entriesOf = (params: Params, name: string): StringMap[] =>
  (params.maps(name) ?? []).filter((m): m is StringMap => m !== null);

/**
 * The interceptors' `Long.valueOf(weight)` plus the 0..100 range check, inside one try: ZStack's catch turns
 * both a bad number and an out-of-range one into its "not a correct number" message.
 */
export function validWeight(w: string | null | undefined): number | undefined {
  const v = javaParseLong(w);
  return v === undefined || v < WEIGHT_MIN || v > WEIGHT_MAX ? undefined : Number(v);
}

/** MySQL's default collation: the interceptors' `in`/`eq` queries on IPs compare case-insensitively. */
export const sqlKey = (ip: string): string => ip.toLowerCase();

/** LoadBalancerBase runs the writes of one load balancer one at a time (its chain task's sync signature). */
export function serialKeyOfGroup(state: SimState, params: Params): string | undefined {
  const sgUuid = params.str('serverGroupUuid')?.trim();
  if (!sgUuid) return undefined;
  const lb = state.world.serverGroups.get(sgUuid)?.loadBalancerUuid;
  return `lb:${lb ?? sgUuid}`;
}

/**
 * The target group after the operation-target check (OperationTargetAPIRequestChecker: "has no access" for a
 * group the session's account does not own), which runs before the API interceptor.
 */
export function targetGroup(call: ApiCall): { sg: ServerGroup; id: Identity } {
  const id = need(call.identity);
  const sg = need(call.state.world.serverGroups.get(call.params.str('serverGroupUuid')));
  if (!ownsTarget(id, sg.owner)) {
    throw operr(
      'the account[uuid:%s] has no access to the resources[uuid:%s, type:%s]',
      id.accountUuid,
      [sg.uuid],
      'LoadBalancerServerGroupVO',
    );
  }
  return { sg, id };
}

export function loadBalancerOf(w: World, sg: ServerGroup): LoadBalancer | undefined {
  return sg.loadBalancerUuid ? w.loadBalancers.get(sg.loadBalancerUuid) : undefined;
}
