import type { ServerGroup } from '../schemas';
import { paths, readIn, type Lookups } from './lookups';

/** A backend as the CSV export writes it (src/lib/csv/backends.ts's BackendCsvRow). */
export interface BackendExportRow {
  type: 'nic' | 'ip';
  vmName?: string;
  nicUuid?: string;
  ip?: string;
  l3Name?: string;
  weight: number;
  status?: string;
}

const defaultWeight = 100;

/**
 * Every backend of a group with its VM, IP and network names, for the CSV export: all rows, not a page.
 * The names come in batches (NICs, then VMs and networks by uuid), never a request per backend.
 */
export async function backendExportRows(group: ServerGroup, lookups: Lookups): Promise<BackendExportRow[]> {
  const refs = group.vmNicRefs ?? [];
  const nics = await readIn(
    lookups.nics,
    paths.nics,
    'uuid',
    refs.map((r) => r.vmNicUuid),
  );
  const nicByUuid = new Map(nics.map((n) => [n.uuid, n]));
  const [vms, l3s] = await Promise.all([
    readIn(
      lookups.vms,
      paths.vms,
      'uuid',
      nics.flatMap((n) => (n.vmInstanceUuid ? [n.vmInstanceUuid] : [])),
      {
        fields: ['uuid', 'name'],
      },
    ),
    readIn(
      lookups.l3Networks,
      paths.l3Networks,
      'uuid',
      nics.flatMap((n) => (n.l3NetworkUuid ? [n.l3NetworkUuid] : [])),
      {
        fields: ['uuid', 'name'],
      },
    ),
  ]);
  const vmName = new Map(vms.map((v) => [v.uuid, v.name]));
  const l3Name = new Map(l3s.map((l) => [l.uuid, l.name]));
  return [
    ...refs.map((r): BackendExportRow => {
      const nic = nicByUuid.get(r.vmNicUuid);
      return {
        type: 'nic',
        nicUuid: r.vmNicUuid,
        vmName: nic?.vmInstanceUuid ? vmName.get(nic.vmInstanceUuid) : undefined,
        ip: nic?.ip ?? undefined,
        l3Name: nic?.l3NetworkUuid ? l3Name.get(nic.l3NetworkUuid) : undefined,
        weight: r.weight ?? defaultWeight,
        status: r.status ?? undefined,
      };
    }),
    ...(group.serverIps ?? []).map((s): BackendExportRow => ({
      type: 'ip',
      ip: s.ipAddress,
      weight: s.weight ?? defaultWeight,
      status: s.status ?? undefined,
    })),
  ];
}

/** Every member of a virtual ID group, a page of 1000 at a time, for the CSV export. */
export async function memberExportRows(
  groupUuid: string,
  lookups: Lookups,
  pageSize = 1000,
): Promise<{ name: string; uuid: string; state?: string | null; type?: string | null }[]> {
  const all = [];
  for (let start = 0; ; start += pageSize) {
    const page = await lookups.groupMembers(groupUuid, start, pageSize);
    all.push(...page.inventories.map((v) => ({ name: v.name, uuid: v.uuid, state: v.state, type: v.type })));
    if (page.inventories.length < pageSize || (page.total !== undefined && all.length >= page.total))
      return all;
  }
}
