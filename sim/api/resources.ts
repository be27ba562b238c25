import type { ParamDef } from '../rest/api.ts';

/** @APIParam(resourceType=...) existence checks (SYS.1003 when the uuid names nothing). */
export const RES = {
  serverGroup: { vo: 'LoadBalancerServerGroupVO', exists: (s, u) => s.world.serverGroups.has(u) },
  loadBalancer: { vo: 'LoadBalancerVO', exists: (s, u) => s.world.loadBalancers.has(u) },
  listener: { vo: 'LoadBalancerListenerVO', exists: (s, u) => s.world.listeners.has(u) },
  vmNic: { vo: 'VmNicVO', exists: (s, u) => s.world.nics.has(u) },
  virtualId: { vo: 'IAM2VirtualIDVO', exists: (s, u) => s.world.virtualIds.has(u) },
  group: { vo: 'IAM2VirtualIDGroupVO', exists: (s, u) => s.world.groups.has(u) },
} satisfies Record<string, NonNullable<ParamDef['resource']>>;
