import type { ServerGroup } from '../schemas';
import type { BackendCsvRow } from '../../lib/csv/backends';
import { weightRange } from '../../lib/weight';
import { nameFields, paths, readByUuid, type Lookups } from './lookups';

const defaultWeight = weightRange.default;

/**
 * Every backend of a group with its VM, IP and network names, for the CSV export: all rows, not a page.
 * The names come in batches (NICs, then VMs and networks by uuid), never a request per backend.
 */
export async function backendExportRows(group: ServerGroup, lookups: Lookups): Promise<BackendCsvRow[]> {
  const refs = group.vmNicRefs ?? [];
  const nics = await readByUuid(
    lookups.nics,
    paths.nics,
    refs.map((r) => r.vmNicUuid),
  );
  const [vms, l3s] = await Promise.all([
    readByUuid(
      lookups.vms,
      paths.vms,
      [...nics.values()].map((n) => n.vmInstanceUuid),
      nameFields,
    ),
    readByUuid(
      lookups.l3Networks,
      paths.l3Networks,
      [...nics.values()].map((n) => n.l3NetworkUuid),
      nameFields,
    ),
  ]);
  const nameOf = (map: Map<string, { name: string }>, uuid: string | null | undefined) =>
    uuid ? map.get(uuid)?.name : undefined;
  return [
    ...refs.map((r): BackendCsvRow => {
      const nic = nics.get(r.vmNicUuid);
      return {
        type: 'nic',
        nicUuid: r.vmNicUuid,
        vmName: nameOf(vms, nic?.vmInstanceUuid),
        ip: nic?.ip ?? undefined,
        l3Name: nameOf(l3s, nic?.l3NetworkUuid),
        weight: r.weight ?? defaultWeight,
        status: r.status ?? undefined,
      };
    }),
    ...(group.serverIps ?? []).map((s): BackendCsvRow => ({
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
