import type { BackendImport } from '../../lib/csv/backends';
import type { L3Network, VmNic } from '../schemas';
import { nameFields, paths, readByUuid, readIn, type Lookups } from './lookups';

/** A backend row of an imported file (src/lib/csv/backends.ts reads them). */
export type BackendRowInput = BackendImport;

/** A row ready for the staged list (the add form's rows). */
export type ResolvedBackend =
  | { kind: 'nic'; nicUuid: string; vmName: string; ip: string; l3Name: string; weight: string }
  | { kind: 'ip'; ipAddress: string; weight: string };

export type BackendReason =
  | 'unknownNic'
  | 'unknownVm'
  | 'noNicWithIp'
  | 'ambiguousName'
  | 'noIp'
  | 'notOnLbNetwork'
  | 'wrongIpVersion'
  | 'alreadyMember'
  | 'ipTaken'
  | 'sharedLoadBalancer'
  | 'duplicate';

export type BackendOutcome =
  | { line: number; status: 'resolved'; row: ResolvedBackend }
  | { line: number; status: 'unresolved'; reason: BackendReason; detail?: string };

/** The group the rows go to, as the console knows it. */
export interface TargetGroup {
  ipVersion?: number | null;
  /** `Shared` load balancers take no server IPs. */
  loadBalancerType?: string | null;
  /** Member NICs. */
  nicUuids: ReadonlySet<string>;
  /** Server IPs, as `ipKey` writes them. */
  serverIps: ReadonlySet<string>;
  /** IPs of member NICs as far as known, as `ipKey` writes them (ZStack refuses an IP twice). */
  nicIps?: ReadonlySet<string>;
}

export interface ResolveOptions {
  /** One spelling per address (the staged list passes its canonical form); lower case by default. */
  ipKey?: (ip: string) => string;
}

const lbService = 'LoadBalancer';
const hasLbService = (l3: L3Network | undefined) =>
  (l3?.networkServices ?? []).some((s) => s.networkServiceType === lbService);

function groupBy<T>(items: readonly T[], key: (item: T) => string | null | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k == null) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * Resolves imported backend rows against ZStack, in batches (never a request per row; every request
 * line within 8 KB; every read with a limit): NIC uuids to their NICs; VM name + IP to the VM's NIC with
 * that IP; IP addresses to server IPs. Each row comes back resolved (ready to stage, with VM, IP and
 * network names) or with why not. Three rounds of reads whatever the number of rows.
 */
export async function resolveBackends(
  rows: readonly BackendRowInput[],
  group: TargetGroup,
  lookups: Lookups,
  options: ResolveOptions = {},
): Promise<BackendOutcome[]> {
  const ipKey = options.ipKey ?? ((ip: string) => ip.trim().toLowerCase());
  const uuidRows = rows.filter((r) => r.kind === 'nicUuid');
  const vmRows = rows.filter((r) => r.kind === 'vmIp');

  // 1. the NICs named by uuid, and the VMs named by name
  const [byUuid, namedVms] = await Promise.all([
    readIn(
      lookups.nics,
      paths.nics,
      'uuid',
      uuidRows.map((r) => r.nicUuid),
    ),
    readIn(
      lookups.vms,
      paths.vms,
      'name',
      vmRows.map((r) => r.vmName),
      { fields: ['uuid', 'name'] },
    ),
  ]);
  const nicByUuid = new Map(byUuid.map((n) => [n.uuid, n]));
  const vmsByName = groupBy(namedVms, (v) => v.name);

  // 2. the NICs of those VMs
  const vmNics = await readIn(
    lookups.nics,
    paths.nics,
    'vmInstanceUuid',
    namedVms.map((v) => v.uuid),
  );
  const nicsOfVm = groupBy(vmNics, (n) => n.vmInstanceUuid);

  // 3. the networks of every NIC, and the names of the VMs of NICs named by uuid
  const [l3ByUuid, ownerVms] = await Promise.all([
    readByUuid(
      lookups.l3Networks,
      paths.l3Networks,
      [...byUuid, ...vmNics].map((n) => n.l3NetworkUuid),
    ),
    readByUuid(
      lookups.vms,
      paths.vms,
      byUuid.map((n) => n.vmInstanceUuid),
      nameFields,
    ),
  ]);
  const vmNames = new Map<string, string>([...namedVms, ...ownerVms.values()].map((v) => [v.uuid, v.name]));

  const seenNics = new Map<string, number>();
  const seenIps = new Map<string, number>();
  const duplicateOf = (
    line: number,
    nicUuid: string | undefined,
    ip: string | undefined,
  ): number | undefined => {
    const first = (nicUuid && seenNics.get(nicUuid)) || (ip && seenIps.get(ipKey(ip))) || undefined;
    if (first) return first;
    if (nicUuid) seenNics.set(nicUuid, line);
    if (ip) seenIps.set(ipKey(ip), line);
    return undefined;
  };

  const nicOutcome = (line: number, nic: VmNic, weight: string): BackendOutcome => {
    const no = (reason: BackendReason, detail?: string): BackendOutcome => ({
      line,
      status: 'unresolved',
      reason,
      detail,
    });
    const ip = nic.ip ?? '';
    if (!ip) return no('noIp', nic.uuid);
    const l3 = nic.l3NetworkUuid ? l3ByUuid.get(nic.l3NetworkUuid) : undefined;
    if (!hasLbService(l3)) return no('notOnLbNetwork', l3?.name ?? nic.l3NetworkUuid ?? undefined);
    if (group.ipVersion && nic.ipVersion && group.ipVersion !== nic.ipVersion)
      return no('wrongIpVersion', ip);
    if (group.nicUuids.has(nic.uuid)) return no('alreadyMember');
    if (group.serverIps.has(ipKey(ip)) || group.nicIps?.has(ipKey(ip))) return no('ipTaken', ip);
    const first = duplicateOf(line, nic.uuid, ip);
    if (first) return no('duplicate', String(first));
    const vm = nic.vmInstanceUuid ? vmNames.get(nic.vmInstanceUuid) : undefined;
    return {
      line,
      status: 'resolved',
      row: {
        kind: 'nic',
        nicUuid: nic.uuid,
        vmName: vm ?? nic.vmInstanceUuid ?? '',
        ip,
        l3Name: l3?.name ?? '',
        weight,
      },
    };
  };

  return rows.map((row): BackendOutcome => {
    const { line } = row;
    const no = (reason: BackendReason, detail?: string): BackendOutcome => ({
      line,
      status: 'unresolved',
      reason,
      detail,
    });
    if (row.kind === 'nicUuid') {
      const nic = nicByUuid.get(row.nicUuid);
      return nic ? nicOutcome(line, nic, row.weight) : no('unknownNic', row.nicUuid);
    }
    if (row.kind === 'vmIp') {
      const vms = vmsByName.get(row.vmName) ?? [];
      if (!vms.length) return no('unknownVm', row.vmName);
      const matching = vms.flatMap((v) =>
        (nicsOfVm.get(v.uuid) ?? []).filter((n) => n.ip && ipKey(n.ip) === ipKey(row.ip)),
      );
      if (!matching.length) return no('noNicWithIp', row.ip);
      if (matching.length > 1) return no('ambiguousName', row.vmName);
      return nicOutcome(line, matching[0]!, row.weight);
    }
    if (group.loadBalancerType === 'Shared') return no('sharedLoadBalancer');
    const key = ipKey(row.ipAddress);
    if (group.serverIps.has(key) || group.nicIps?.has(key)) return no('alreadyMember');
    const first = duplicateOf(line, undefined, row.ipAddress);
    if (first) return no('duplicate', String(first));
    return {
      line,
      status: 'resolved',
      row: { kind: 'ip', ipAddress: row.ipAddress.trim(), weight: row.weight },
    };
  });
}
