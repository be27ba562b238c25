/** Load balancers, listeners, server groups and their refs (ZStack's plugin/loadBalancer). */
import {
  date,
  dated,
  defineKind,
  defineRoot,
  json,
  list,
  lookup,
  num,
  owned,
  rel,
  rel1,
  str,
} from '../describe.ts';
import type {
  Listener,
  ListenerServerGroupRef,
  LoadBalancer,
  NicRef,
  ServerGroup,
  ServerIp,
} from '../types.ts';

/** A listener's view of a NIC backend (LoadBalancerListenerInventory.valueOf builds one per ref of its group). */
interface ListenerNicRef {
  listenerUuid: string;
  ref: NicRef;
}

export const nicRefKind = defineKind<NicRef>({
  name: 'LoadBalancerServerGroupVmNicRef',
  inventoryClass: 'org.zstack.network.service.lb.LoadBalancerServerGroupVmNicRefInventory',
  members: {
    id: num((r) => r.id),
    serverGroupUuid: str((r) => r.serverGroupUuid),
    vmNicUuid: str((r) => r.vmNicUuid),
    weight: num((r) => r.weight),
    ipVersion: num((r) => r.ipVersion),
    status: str((r) => r.status),
    ...dated<NicRef>(),
  },
  relations: {
    vmNic: rel1('VmNic', (r, w) => w.nics.get(r.vmNicUuid)),
    serverGroup: rel1('LoadBalancerServerGroup', (r, w) => w.serverGroups.get(r.serverGroupUuid)),
  },
});

export const serverIpKind = defineKind<ServerIp>({
  name: 'LoadBalancerServerGroupServerIp',
  inventoryClass: 'org.zstack.network.service.lb.LoadBalancerServerGroupServerIpInventory',
  members: {
    id: num((r) => r.id),
    serverGroupUuid: str((r) => r.serverGroupUuid),
    ipAddress: str((r) => r.ipAddress),
    weight: num((r) => r.weight),
    status: str((r) => r.status),
    ...dated<ServerIp>(),
  },
});

export const listenerSgRefKind = defineKind<ListenerServerGroupRef>({
  name: 'LoadBalancerListenerServerGroupRef',
  inventoryClass: 'org.zstack.network.service.lb.LoadBalancerListenerServerGroupRefInventory',
  members: {
    id: num((r) => r.id),
    listenerUuid: str((r) => r.listenerUuid),
    serverGroupUuid: str((r) => r.serverGroupUuid),
    ...dated<ListenerServerGroupRef>(),
  },
  relations: {
    group: rel1('LoadBalancerServerGroup', (r, w) => w.serverGroups.get(r.serverGroupUuid)),
    listener: rel1('LoadBalancerListener', (r, w) => w.listeners.get(r.listenerUuid)),
  },
});

export const listenerNicRefKind = defineKind<ListenerNicRef>({
  name: 'LoadBalancerListenerVmNicRef',
  inventoryClass: 'org.zstack.network.service.lb.LoadBalancerListenerVmNicRefInventory',
  members: {
    id: num((r) => r.ref.id),
    listenerUuid: str((r) => r.listenerUuid),
    vmNicUuid: str((r) => r.ref.vmNicUuid),
    status: str((r) => r.ref.status),
    createDate: date((r) => r.ref.createDate),
    lastOpDate: date((r) => r.ref.lastOpDate),
  },
  relations: {
    vmNic: rel1('VmNic', (r, w) => w.nics.get(r.ref.vmNicUuid)),
    listener: rel1('LoadBalancerListener', (r, w) => w.listeners.get(r.listenerUuid)),
  },
});

/** The listener's own server group (LoadBalancerListenerVO.serverGroupUuid). */
const defaultGroupUuid = (l: Listener): string | undefined => l.serverGroupRefs[0]?.serverGroupUuid;

export const listenerKind = defineRoot<Listener>({
  name: 'LoadBalancerListener',
  inventoryClass: 'org.zstack.network.service.lb.LoadBalancerListenerInventory',
  members: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    loadBalancerUuid: str((r) => r.loadBalancerUuid),
    instancePort: num((r) => r.instancePort),
    loadBalancerPort: num((r) => r.loadBalancerPort),
    securityPolicyType: str((r) => (r.protocol === 'https' ? 'tls_cipher_policy_default' : undefined)),
    protocol: str((r) => r.protocol),
    serverGroupUuid: str((r) => defaultGroupUuid(r)),
    ...dated<Listener>(),
    vmNicRefs: list('LoadBalancerListenerVmNicRef', (r, w) =>
      (w.serverGroups.get(defaultGroupUuid(r))?.nicRefs ?? []).map((ref) => ({ listenerUuid: r.uuid, ref })),
    ),
    aclRefs: json(() => []),
    certificateRefs: json(() => []),
    serverGroupRefs: list('LoadBalancerListenerServerGroupRef', (r) => r.serverGroupRefs),
  },
  relations: {
    loadBalancer: rel1('LoadBalancer', (r, w) => w.loadBalancers.get(r.loadBalancerUuid)),
    serverGroupRef: rel('LoadBalancerListenerServerGroupRef', (r) => r.serverGroupRefs),
    serverGroup: rel('LoadBalancerServerGroup', (r, w) =>
      lookup(
        r.serverGroupRefs.map((x) => x.serverGroupUuid),
        (u) => w.serverGroups.get(u),
      ),
    ),
  },
  rows: (w) => w.listeners.list,
  get: (w, uuid) => w.listeners.get(uuid),
  visible: (v, r) => owned(v, r.owner),
});

export const loadBalancerKind = defineRoot<LoadBalancer>({
  name: 'LoadBalancer',
  inventoryClass: 'org.zstack.network.service.lb.LoadBalancerInventory',
  members: {
    name: str((r) => r.name),
    uuid: str((r) => r.uuid),
    description: str((r) => r.description),
    serverGroupUuid: str((r) => r.serverGroupUuid),
    state: str(() => 'Enabled'),
    type: str((r) => r.type),
    vipUuid: str((r) => r.vipUuid),
    ...dated<LoadBalancer>(),
    listeners: list('LoadBalancerListener', (r, w) => lookup(r.listenerUuids, (u) => w.listeners.get(u))),
  },
  relations: {
    listeners: rel('LoadBalancerListener', (r, w) => lookup(r.listenerUuids, (u) => w.listeners.get(u))),
    vip: rel1('Vip', (r, w) => w.vips.get(r.vipUuid)),
  },
  rows: (w) => w.loadBalancers.list,
  get: (w, uuid) => w.loadBalancers.get(uuid),
  visible: (v, r) => owned(v, r.owner),
});

export const serverGroupKind = defineRoot<ServerGroup>({
  name: 'LoadBalancerServerGroup',
  inventoryClass: 'org.zstack.network.service.lb.LoadBalancerServerGroupInventory',
  members: {
    uuid: str((r) => r.uuid),
    name: str((r) => r.name),
    description: str((r) => r.description),
    loadBalancerUuid: str((r) => r.loadBalancerUuid),
    ipVersion: num((r) => r.ipVersion),
    ...dated<ServerGroup>(),
    listenerServerGroupRefs: list('LoadBalancerListenerServerGroupRef', (r) => r.listenerRefs),
    serverIps: list('LoadBalancerServerGroupServerIp', (r) => r.serverIps),
    vmNicRefs: list('LoadBalancerServerGroupVmNicRef', (r) => r.nicRefs),
  },
  relations: {
    serverGroupRef: rel('LoadBalancerListenerServerGroupRef', (r) => r.listenerRefs),
    vmNicRef: rel('LoadBalancerServerGroupVmNicRef', (r) => r.nicRefs),
    vmNic: rel('VmNic', (r, w) =>
      lookup(
        r.nicRefs.map((x) => x.vmNicUuid),
        (u) => w.nics.get(u),
      ),
    ),
    listener: rel('LoadBalancerListener', (r, w) =>
      lookup(
        r.listenerRefs.map((x) => x.listenerUuid),
        (u) => w.listeners.get(u),
      ),
    ),
  },
  rows: (w) => w.serverGroups.list,
  get: (w, uuid) => w.serverGroups.get(uuid),
  visible: (v, r) => owned(v, r.owner),
});
