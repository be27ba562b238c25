import type { ServerGroup } from '../../api/schemas';
import type { Translate } from '../../i18n/react';
import type { SortState } from '../../components/workbench/useTableState';
import type { NicDetail } from './api/backend-details';
import type { BackendRef } from './api/writes';
import { compareIps, ipVersionOf } from './ip';
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
  /** The ref's attachment status (Active, Inactive, Pending). */
  status?: string | null;
  /** The VM's state, for a NIC whose details are known. */
  vmState?: string;
  /** Set while the NIC's details are loading or could not be found. */
  detailsMissing?: boolean;
}

export interface BackendEntry {
  key: string;
  ref: BackendRef;
  weight: number;
  status?: string | null;
}

/** The group's backends in ZStack's order, NICs first; a missing weight is ZStack's default. */
export function groupBackends(group: ServerGroup): BackendEntry[] {
  const nics = (group.vmNicRefs ?? []).map<BackendEntry>((r) => ({
    key: `nic:${r.vmNicUuid}`,
    ref: { kind: 'nic', uuid: r.vmNicUuid },
    weight: r.weight ?? weightRange.default,
    status: r.status,
  }));
  const ips = (group.serverIps ?? []).map<BackendEntry>((s) => ({
    key: `ip:${s.ipAddress}`,
    ref: { kind: 'ip', ipAddress: s.ipAddress },
    weight: s.weight ?? weightRange.default,
    status: s.status,
  }));
  return [...nics, ...ips];
}

/**
 * Puts names on backends, from the NIC details known (of one page, or of the whole group); a NIC whose
 * details are not known yet goes by `nicLabel` of the start of its uuid ("NIC 1a2b3c4d").
 */
export function viewBackends(
  entries: readonly BackendEntry[],
  details: ReadonlyMap<string, NicDetail> | undefined,
  nicLabel: (shortUuid: string) => string,
) {
  const views: BackendView[] = entries.map((e) => {
    if (e.ref.kind === 'ip') return { ...e, label: e.ref.ipAddress, ip: e.ref.ipAddress };
    const d = details?.get(e.ref.uuid);
    return {
      ...e,
      label: d?.vmName ?? nicLabel(e.ref.uuid.slice(0, 8)),
      vmName: d?.vmName,
      ip: d?.ip,
      l3Name: d?.l3Name ?? d?.l3NetworkUuid,
      vmState: d?.vmState,
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

/** The columns the table sorts by; "added" is ZStack's own order (NICs, then IPs, as added). */
export type BackendSort = 'added' | 'name' | 'ip' | 'weight';

const text = (v: BackendView) => (v.ref.kind === 'nic' ? (v.vmName ?? '') : v.ref.ipAddress);
const comparators: Record<Exclude<BackendSort, 'added'>, (a: BackendView, b: BackendView) => number> = {
  name: (a, b) => text(a).localeCompare(text(b)) || compareIps(a.ip ?? '', b.ip ?? ''),
  // addresses in numeric order: 10.0.0.9 before 10.0.0.10
  ip: (a, b) => compareIps(a.ip ?? '', b.ip ?? ''),
  weight: (a, b) => a.weight - b.weight || compareIps(a.ip ?? '', b.ip ?? ''),
};

/** Whether a sort or filter needs every NIC's VM, IP and network (the weight and the order added do not). */
export const needsDetails = (sort: SortState, filter: string) =>
  !!filter || !['added', 'weight'].includes(sort.key);

/** The backends whose VM name, IP or network contains the filter, in the order asked for. */
export function filterAndSort(views: readonly BackendView[], sort: SortState, filter: string): BackendView[] {
  const needle = filter.toLowerCase();
  const matching = needle
    ? views.filter((v) => [v.vmName, v.ip, v.l3Name].some((f) => f?.toLowerCase().includes(needle)))
    : [...views];
  const compare = sort.key === 'added' ? undefined : comparators[sort.key as Exclude<BackendSort, 'added'>];
  if (!compare) return sort.direction === 'desc' ? matching.reverse() : matching;
  const dir = sort.direction === 'desc' ? -1 : 1;
  return matching.sort((a, b) => dir * compare(a, b));
}

/** ZStack changes the weight of IPv4 server addresses only (ChangeLoadBalancerBackendServer). */
export function weightChangeBlocked(view: BackendView): 'backends.weight.ipv4Only' | undefined {
  if (view.ref.kind === 'ip' && ipVersionOf(view.ref.ipAddress) === 6) return 'backends.weight.ipv4Only';
  return undefined;
}

/** A text naming a backend for a confirmation or a notification. */
export function describeBackend(t: Translate, view: BackendView): string {
  if (view.ref.kind === 'ip') return t('backends.describe.ip', { ip: view.ref.ipAddress });
  const where = [view.ip, view.l3Name].filter(Boolean).join(t('workbench.listSeparator'));
  const vm = view.vmName ?? view.ref.uuid;
  return where ? t('backends.describe.nicAt', { vm, where }) : t('backends.describe.nic', { vm });
}

/** A short fingerprint of the group's members: what is cached per member set changes with them. */
export function membersSignature(group: ServerGroup): string {
  let hash = 5381;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i += 1) hash = ((hash << 5) + hash + s.charCodeAt(i)) | 0;
  };
  for (const r of group.vmNicRefs ?? []) add(r.vmNicUuid);
  for (const s of group.serverIps ?? []) add(s.ipAddress);
  return `${group.vmNicRefs?.length ?? 0}.${group.serverIps?.length ?? 0}.${hash >>> 0}`;
}
