import type {
  Account,
  NicRef,
  L3Network,
  Listener,
  LoadBalancer,
  Project,
  Role,
  ServerGroup,
  SystemTag,
  Vip,
  VirtualId,
  VirtualIdAttribute,
  VirtualIdGroup,
  VmInstance,
  VmNic,
} from './types.ts';

/** Rows in insertion order plus an index by uuid (no per-query copies: queries scan `list`). */
export class Table<T extends { uuid: string }> {
  readonly list: T[] = [];
  private readonly byUuid = new Map<string, T>();

  add(row: T): T {
    if (this.byUuid.has(row.uuid)) throw new Error(`duplicate uuid ${row.uuid}`);
    this.list.push(row);
    this.byUuid.set(row.uuid, row);
    return row;
  }

  get(uuid: string | null | undefined): T | undefined {
    return uuid ? this.byUuid.get(uuid) : undefined;
  }

  has(uuid: string): boolean {
    return this.byUuid.has(uuid);
  }

  get size(): number {
    return this.list.length;
  }
}

/** The whole state of the simulated management node. */
export class World {
  readonly accounts = new Table<Account>();
  readonly l3Networks = new Table<L3Network>();
  readonly vms = new Table<VmInstance>();
  readonly nics = new Table<VmNic>();
  readonly vips = new Table<Vip>();
  readonly loadBalancers = new Table<LoadBalancer>();
  readonly listeners = new Table<Listener>();
  readonly serverGroups = new Table<ServerGroup>();
  readonly projects = new Table<Project>();
  readonly groups = new Table<VirtualIdGroup>();
  readonly virtualIds = new Table<VirtualId>();
  readonly attributes = new Table<VirtualIdAttribute>();
  readonly roles = new Table<Role>();
  readonly systemTags = new Table<SystemTag>();
  /** The virtual routers (appliance VMs, also in `vms`). */
  readonly routers: VmInstance[] = [];
  private nextId = 1;
  private readonly nicRefIndex = new Map<string, NicRef[]>();

  /** Auto-increment ids of the ref tables (NIC refs, server IPs, listener refs). */
  newId(): number {
    return this.nextId++;
  }

  /** Adds a NIC ref to its server group and to the NIC -> refs index. */
  addNicRef(sg: ServerGroup, ref: NicRef): void {
    sg.nicRefs.push(ref);
    const list = this.nicRefIndex.get(ref.vmNicUuid);
    if (list) list.push(ref);
    else this.nicRefIndex.set(ref.vmNicUuid, [ref]);
  }

  removeNicRef(sg: ServerGroup, ref: NicRef): void {
    sg.nicRefs = sg.nicRefs.filter((r) => r !== ref);
    const list = this.nicRefIndex.get(ref.vmNicUuid)?.filter((r) => r !== ref) ?? [];
    if (list.length) this.nicRefIndex.set(ref.vmNicUuid, list);
    else this.nicRefIndex.delete(ref.vmNicUuid);
  }

  /** Removes the group's NIC refs that match, in one pass (a remove of thousands stays linear). */
  removeNicRefs(sg: ServerGroup, drop: (ref: NicRef) => boolean): void {
    const gone = new Set(sg.nicRefs.filter(drop));
    if (!gone.size) return;
    sg.nicRefs = sg.nicRefs.filter((r) => !gone.has(r));
    for (const ref of gone) {
      const list = this.nicRefIndex.get(ref.vmNicUuid)?.filter((r) => !gone.has(r)) ?? [];
      if (list.length) this.nicRefIndex.set(ref.vmNicUuid, list);
      else this.nicRefIndex.delete(ref.vmNicUuid);
    }
  }

  /** The server group memberships of a NIC. */
  refsOfNic(nicUuid: string): readonly NicRef[] {
    return this.nicRefIndex.get(nicUuid) ?? [];
  }

  projectOfAccount(accountUuid: string): Project | undefined {
    return this.projects.list.find((p) => p.linkedAccountUuid === accountUuid);
  }

  projectByName(name: string): Project | undefined {
    return this.projects.list.find((p) => p.name === name);
  }
}
