import { seedUuid } from '../util/uuid.ts';
import { ipv4FromInt, ipv4ToInt } from '../util/ip.ts';
import type { ATTR_PLATFORM_ADMIN, ATTR_PROJECT_ADMIN, ATTR_PROJECT_OPERATOR } from './constants.ts';
import { ADMIN_ACCOUNT_UUID, sha512 } from './constants.ts';
import type {
  Account,
  IAM2State,
  IpRange,
  L3Network,
  Listener,
  LoadBalancer,
  PolicyStatement,
  Project,
  Role,
  ServerGroup,
  SystemTag,
  VirtualId,
  VirtualIdGroup,
  VmInstance,
  VmNic,
} from './types.ts';
import type { World } from './world.ts';

export interface NicSpec {
  l3: L3Network;
  ip: string;
  metaData?: string;
}

/** Seed clock: deterministic creation dates, one minute apart, from 15 Jan 2024 09:00 local time. */
const SEED_EPOCH = new Date(2024, 0, 15, 9, 0, 0).getTime();

export type AttrName = typeof ATTR_PLATFORM_ADMIN | typeof ATTR_PROJECT_ADMIN | typeof ATTR_PROJECT_OPERATOR;

/** Creates seed records with stable UUIDs (md5 of "<VO class>:<name>"). */
export class WorldBuilder {
  private clock = SEED_EPOCH;
  private fast?: Map<string, { prefix: string; next: number }>;
  constructor(readonly world: World) {}

  /**
   * From now on, uuids are "<first 20 hex of seedUuid(kind, 'scale')><12-hex counter per kind>": as stable
   * as hashing every name (generation order is fixed) but without 400k md5 digests at SIM_SCALE=100000.
   */
  useCounterUuids(): void {
    this.fast = new Map();
  }

  private uuid(kind: string, name: string): string {
    if (!this.fast) return seedUuid(kind, name);
    let c = this.fast.get(kind);
    if (!c) {
      c = { prefix: seedUuid(kind, 'scale').slice(0, 20), next: 1 };
      this.fast.set(kind, c);
    }
    return c.prefix + (c.next++).toString(16).padStart(12, '0');
  }

  tick(): number {
    this.clock += 60_000;
    return this.clock;
  }

  private dated(): { createDate: number; lastOpDate: number } {
    const t = this.tick();
    return { createDate: t, lastOpDate: t };
  }

  account(name: string, type: Account['type'], password?: string, uuid?: string): Account {
    return this.world.accounts.add({
      uuid: uuid ?? this.uuid('AccountVO', name),
      name,
      type,
      passwordHash: password === undefined ? undefined : sha512(password),
      ...this.dated(),
    });
  }

  l3(
    name: string,
    owner: string,
    cidr: string,
    services: string[],
    opts: { category?: 'Private' | 'Public' } = {},
  ): L3Network {
    const uuid = this.uuid('L3NetworkVO', name);
    const v6 = cidr.includes(':');
    const l3: L3Network = {
      uuid,
      name,
      owner,
      ipVersion: v6 ? 6 : 4,
      category: opts.category ?? 'Private',
      ipRanges: [],
      dns: v6 ? [] : ['223.5.5.5'],
      services,
      ...this.dated(),
    };
    this.world.l3Networks.add(l3);
    this.ipRange(l3, `${name}-range`, cidr);
    return l3;
  }

  ipRange(l3: L3Network, name: string, cidr: string): IpRange {
    const [net = '', bits = '24'] = cidr.split('/');
    const prefixLen = Number(bits);
    let range: IpRange;
    if (net.includes(':')) {
      const base = net.replace(/::$/, '');
      range = {
        uuid: this.uuid('IpRangeVO', name),
        l3NetworkUuid: l3.uuid,
        name,
        startIp: `${base}::2`,
        endIp: `${base}::ffff`,
        netmask: 'ffff:ffff:ffff:ffff::',
        gateway: `${base}::1`,
        networkCidr: cidr,
        ipVersion: 6,
        prefixLen,
        ...this.dated(),
      };
    } else {
      const start = ipv4ToInt(net);
      const size = 2 ** (32 - prefixLen);
      const mask = prefixLen === 0 ? 0 : (0xffffffff << (32 - prefixLen)) >>> 0;
      range = {
        uuid: this.uuid('IpRangeVO', name),
        l3NetworkUuid: l3.uuid,
        name,
        startIp: ipv4FromInt(start + 2),
        endIp: ipv4FromInt(start + size - 2),
        netmask: ipv4FromInt(mask),
        gateway: ipv4FromInt(start + 1),
        networkCidr: cidr,
        ipVersion: 4,
        prefixLen,
        ...this.dated(),
      };
    }
    l3.ipRanges.push(range);
    return range;
  }

  vm(
    name: string,
    owner: string,
    nics: NicSpec[],
    state: VmInstance['state'] = 'Running',
    uuidName = name,
    type: VmInstance['type'] = 'UserVM',
  ): VmInstance {
    const vm: VmInstance = {
      uuid: this.uuid('VmInstanceVO', uuidName),
      name,
      owner,
      type,
      state,
      rootVolumeUuid: '',
      cpuNum: 2,
      memorySize: 2147483648,
      nicUuids: [],
      ...this.dated(),
    };
    // derived, not hashed: 100000 md5 digests would slow SIM_SCALE start-up
    vm.rootVolumeUuid = vm.uuid.slice(16) + vm.uuid.slice(0, 16);
    this.world.vms.add(vm);
    nics.forEach((n, i) => {
      const nic = this.nic(vm, n.l3, n.ip, i, `${uuidName}#${i}`);
      if (n.metaData) nic.metaData = n.metaData;
    });
    return vm;
  }

  /**
   * A virtual router (an appliance VM owned by the admin): a public NIC (metaData "3", public + management)
   * and one guest NIC (metaData "4") per guest network, at the network's gateway.
   */
  router(publicNic: { l3: L3Network; ip: string }, guests: L3Network[]): VmInstance {
    const first = guests[0];
    const name = `vrouter.l3.${first?.name ?? 'none'}.${first?.uuid.slice(0, 6) ?? ''}`;
    const vr = this.vm(
      name,
      ADMIN_ACCOUNT_UUID,
      [
        { ...publicNic, metaData: '3' },
        ...guests.map((l3) => ({ l3, ip: l3.ipRanges[0]?.gateway ?? '', metaData: '4' })),
      ],
      'Running',
      name,
      'ApplianceVm',
    );
    this.world.routers.push(vr);
    return vr;
  }

  nic(
    vm: VmInstance,
    l3: L3Network,
    ip: string,
    deviceId: number,
    uuidName: string,
    dates?: { createDate: number; lastOpDate: number },
  ): VmNic {
    const uuid = this.uuid('VmNicVO', uuidName);
    const range = l3.ipRanges.find((r) => r.ipVersion === (ip.includes(':') ? 6 : 4)) ?? l3.ipRanges[0];
    const nic: VmNic = {
      uuid,
      vmInstanceUuid: vm.uuid,
      l3NetworkUuid: l3.uuid,
      ip,
      usedIpUuid: uuid.split('').reverse().join(''),
      mac: `fa:${uuid.slice(0, 2)}:${uuid.slice(2, 4)}:${uuid.slice(4, 6)}:${uuid.slice(6, 8)}:${uuid.slice(8, 10)}`,
      ipVersion: ip.includes(':') ? 6 : 4,
      netmask: range?.netmask ?? '',
      gateway: range?.gateway ?? '',
      deviceId,
      // present on every NIC, so that all NIC records share one shape (queries scan 100000 of them)
      metaData: undefined,
      secondaryIps: undefined,
      owner: vm.owner,
      ...(dates ?? { createDate: vm.createDate, lastOpDate: vm.lastOpDate }),
    };
    this.world.nics.add(nic);
    vm.nicUuids.push(uuid);
    return nic;
  }

  loadBalancer(
    name: string,
    type: LoadBalancer['type'],
    owner: string,
    vip: { l3: L3Network; ip: string },
    router: VmInstance | undefined,
  ): LoadBalancer {
    const vipUuid = this.uuid('VipVO', `${name}-vip`);
    this.world.vips.add({
      uuid: vipUuid,
      name: `vip-${name}`,
      ip: vip.ip,
      l3NetworkUuid: vip.l3.uuid,
      owner,
      ...this.dated(),
    });
    return this.world.loadBalancers.add({
      uuid: this.uuid('LoadBalancerVO', name),
      name,
      type,
      owner,
      vipUuid,
      listenerUuids: [],
      serverGroupUuids: [],
      virtualRouterUuid: router?.uuid,
      ...this.dated(),
    });
  }

  serverGroup(
    name: string,
    lb: LoadBalancer | undefined,
    owner: string,
    ipVersion: 4 | 6 = 4,
    description?: string,
  ): ServerGroup {
    const sg: ServerGroup = {
      uuid: this.uuid('LoadBalancerServerGroupVO', name),
      name,
      description,
      loadBalancerUuid: lb?.uuid,
      ipVersion,
      owner,
      nicRefs: [],
      serverIps: [],
      listenerRefs: [],
      ...this.dated(),
    };
    this.world.serverGroups.add(sg);
    if (lb) {
      lb.serverGroupUuids.push(sg.uuid);
      lb.serverGroupUuid ??= sg.uuid;
    }
    return sg;
  }

  /** A NIC backend: Active, or Inactive when its VM is stopped (it was added while the VM ran). */
  addNic(sg: ServerGroup, nic: VmNic, weight: number): void {
    const vm = this.world.vms.get(nic.vmInstanceUuid);
    this.world.addNicRef(sg, {
      id: this.world.newId(),
      serverGroupUuid: sg.uuid,
      vmNicUuid: nic.uuid,
      weight,
      ipVersion: nic.ipVersion,
      status: vm?.state === 'Stopped' ? 'Inactive' : 'Active',
      ...this.dated(),
    });
  }

  addServerIp(sg: ServerGroup, ipAddress: string, weight: number): void {
    sg.serverIps.push({
      id: this.world.newId(),
      serverGroupUuid: sg.uuid,
      ipAddress,
      weight,
      status: 'Active',
      ...this.dated(),
    });
  }

  listener(
    name: string,
    lb: LoadBalancer,
    protocol: Listener['protocol'],
    lbPort: number,
    instancePort: number,
    groups: ServerGroup[],
  ): Listener {
    const listener: Listener = {
      uuid: this.uuid('LoadBalancerListenerVO', `${lb.name}/${name}`),
      name,
      loadBalancerUuid: lb.uuid,
      owner: lb.owner,
      protocol,
      loadBalancerPort: lbPort,
      instancePort,
      serverGroupRefs: [],
      ...this.dated(),
    };
    this.world.listeners.add(listener);
    lb.listenerUuids.push(listener.uuid);
    for (const sg of groups) {
      const ref = {
        id: this.world.newId(),
        listenerUuid: listener.uuid,
        serverGroupUuid: sg.uuid,
        ...this.dated(),
      };
      listener.serverGroupRefs.push(ref);
      sg.listenerRefs.push(ref);
    }
    return listener;
  }

  /** A system tag on a resource (SystemTagVO; "inherent" tags are the system's own). */
  systemTag(resourceUuid: string, resourceType: string, tag: string, inherent = false): SystemTag {
    return this.world.systemTags.add({
      uuid: this.uuid('SystemTagVO', `${resourceUuid}/${tag}`),
      resourceUuid,
      resourceType,
      tag,
      inherent,
      ...this.dated(),
    });
  }

  project(name: string, description?: string): Project {
    const account = this.account(name, 'Normal');
    return this.world.projects.add({
      uuid: this.uuid('IAM2ProjectVO', name),
      name,
      description,
      state: 'Enabled',
      linkedAccountUuid: account.uuid,
      memberUuids: new Set(),
      groupUuids: [],
      ...this.dated(),
    });
  }

  virtualId(
    name: string,
    password: string,
    state: IAM2State = 'Enabled',
    description?: string,
    passwordHash?: string,
    uuid?: string,
  ): VirtualId {
    return this.world.virtualIds.add({
      uuid: uuid ?? this.uuid('IAM2VirtualIDVO', name),
      name,
      description,
      state,
      passwordHash: passwordHash ?? sha512(password),
      projectUuids: new Set(),
      groupUuids: new Set(),
      attributes: [],
      roleRefs: [],
      ...this.dated(),
    });
  }

  join(vid: VirtualId, project: Project): void {
    vid.projectUuids.add(project.uuid);
    project.memberUuids.add(vid.uuid);
  }

  attribute(vid: VirtualId, name: AttrName, project?: Project): void {
    const attr = {
      uuid: this.uuid('IAM2VirtualIDAttributeVO', `${vid.name}/${name}/${project?.name ?? ''}`),
      virtualIDUuid: vid.uuid,
      name,
      value: project?.uuid,
      type: 'System' as const,
      ...this.dated(),
    };
    this.world.attributes.add(attr);
    vid.attributes.push(attr);
  }

  group(name: string, project: Project, members: VirtualId[], description?: string): VirtualIdGroup {
    const g = this.world.groups.add({
      uuid: this.uuid('IAM2VirtualIDGroupVO', `${project.name}/${name}`),
      name,
      description,
      projectUuid: project.uuid,
      state: 'Enabled',
      memberUuids: new Set(),
      ...this.dated(),
    });
    project.groupUuids.push(g.uuid);
    for (const m of members) {
      g.memberUuids.add(m.uuid);
      m.groupUuids.add(g.uuid);
    }
    return g;
  }

  role(
    name: string,
    type: Role['type'],
    statements: PolicyStatement[],
    uuid?: string,
    description?: string,
  ): Role {
    return this.world.roles.add({
      uuid: uuid ?? this.uuid('RoleVO', name),
      name,
      description,
      type,
      statements: statements.map((statement) => ({
        uuid: this.uuid('RolePolicyStatementVO', `${name}/${statement.name}`),
        statement,
      })),
      ...this.dated(),
    });
  }

  grant(vid: VirtualId, role: Role, project: Project): void {
    vid.roleRefs.push({ roleUuid: role.uuid, targetAccountUuid: project.linkedAccountUuid });
  }
}
