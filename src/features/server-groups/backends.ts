import type { ServerGroup } from '../../api/schemas';
import type { BackendRef, NicDetail } from './api';
import { ipVersionOf } from './ip';
import { weightRange } from './schema';

/** A backend of the group as the table shows it. */
export interface BackendView {
  key: string;
  ref: BackendRef;
  /** What it goes by in accessible names: the VM name (with its IP if the VM has two), or the IP. */
  label: string;
  vmName?: string;
  ip?: string;
  l3Name?: string;
  weight: number;
  /** Set while the NIC's details are loading or could not be found. */
  detailsMissing?: boolean;
}

export interface BackendEntry {
  key: string;
  ref: BackendRef;
  weight: number;
}

/** The group's backends in ZStack's order, NICs first; a missing weight is ZStack's default. */
export function groupBackends(group: ServerGroup): BackendEntry[] {
  const nics = (group.vmNicRefs ?? []).map<BackendEntry>((r) => ({
    key: `nic:${r.vmNicUuid}`,
    ref: { kind: 'nic', uuid: r.vmNicUuid },
    weight: r.weight ?? weightRange.default,
  }));
  const ips = (group.serverIps ?? []).map<BackendEntry>((s) => ({
    key: `ip:${s.ipAddress}`,
    ref: { kind: 'ip', ipAddress: s.ipAddress },
    weight: s.weight ?? weightRange.default,
  }));
  return [...nics, ...ips];
}

/** Puts names on one page of backends, from the NIC details of that page. */
export function viewBackends(
  entries: readonly BackendEntry[],
  details: ReadonlyMap<string, NicDetail> | undefined,
) {
  const views: BackendView[] = entries.map((e) => {
    if (e.ref.kind === 'ip') return { ...e, label: e.ref.ipAddress, ip: e.ref.ipAddress };
    const d = details?.get(e.ref.uuid);
    return {
      ...e,
      label: d?.vmName ?? `NIC ${e.ref.uuid.slice(0, 8)}`,
      vmName: d?.vmName,
      ip: d?.ip,
      l3Name: d?.l3Name ?? d?.l3NetworkUuid,
      detailsMissing: !d,
    };
  });
  const counts = new Map<string, number>();
  for (const v of views) if (v.ref.kind === 'nic') counts.set(v.label, (counts.get(v.label) ?? 0) + 1);
  return views.map((v) =>
    v.ref.kind === 'nic' && (counts.get(v.label) ?? 0) > 1 && v.ip
      ? { ...v, label: `${v.label} (${v.ip})` }
      : v,
  );
}

/** ZStack changes the weight of IPv4 server addresses only (ChangeLoadBalancerBackendServer). */
export function weightChangeBlocked(view: BackendView): string | undefined {
  if (view.ref.kind === 'ip' && ipVersionOf(view.ref.ipAddress) === 6)
    return 'ZStack changes the weight of IPv4 server addresses only';
  return undefined;
}

/** A text naming a backend for a confirmation or a notification. */
export function describeBackend(view: BackendView): string {
  if (view.ref.kind === 'ip') return `IP address ${view.ref.ipAddress}`;
  const where = [view.ip, view.l3Name].filter(Boolean).join(', ');
  return `VM NIC of ${view.vmName ?? view.ref.uuid}${where ? ` (${where})` : ''}`;
}

/** "a, b, c and 4 more" */
export function listNames(names: readonly string[], max = 5): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
