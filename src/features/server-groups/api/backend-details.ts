import { queryOptions, type QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { q, runQuery } from '../../../api/query';
import { vmInstanceSchema } from '../../../api/schemas';
import { lookupNames, named } from './names';
import { paths, serverGroupKeys } from './keys';

/** What the table shows of a member NIC besides its weight. */
export interface NicDetail {
  uuid: string;
  ip?: string;
  vmInstanceUuid?: string;
  vmName?: string;
  /** The VM's state (VmInstanceState), read with its name. */
  vmState?: string;
  l3NetworkUuid?: string;
  l3Name?: string;
}

/** The names of the networks the group's NICs may be on, read once for the page (groupNetworksQuery). */
export type KnownNetworks = () => Promise<ReadonlyMap<string, string>>;

const nicFields = ['uuid', 'ip', 'vmInstanceUuid', 'l3NetworkUuid'] as const;
const nicSummary = z.looseObject({
  uuid: z.string(),
  ip: z.optional(z.nullable(z.string())),
  vmInstanceUuid: z.optional(z.nullable(z.string())),
  l3NetworkUuid: z.optional(z.nullable(z.string())),
});
type NicSummary = z.output<typeof nicSummary>;
// the VMs' state comes with their names: the status column asks nothing more
const namedWithState = z.extend(named, { state: z.optional(z.nullable(z.string())) });
const statesOf = (vms: readonly { uuid: string; state?: string | null }[]) =>
  new Map(vms.flatMap((vm) => (vm.state ? [[vm.uuid, vm.state] as const] : [])));

/** The NICs the table shows first: the first 20 of ZStack's order (its default order and page size). */
export const backendPage = (refs: readonly { vmNicUuid: string }[]) =>
  refs.slice(0, 20).map((r) => r.vmNicUuid);

/** NICs (and VMs) per page of the index. */
export const indexPageSize = 1000;
const byUuid = { field: 'uuid', direction: 'asc' } as const;

/**
 * Puts VM and network names on NICs: the networks from those the load balancer reaches (shared with the
 * "VM NICs" picker), the rest from one lookup per kind (cached by name).
 */
async function withNames(
  client: QueryClient,
  nics: readonly NicSummary[],
  known: {
    vms?: ReadonlyMap<string, string>;
    vmStates?: ReadonlyMap<string, string>;
    networks: ReadonlyMap<string, string>;
  },
  signal: AbortSignal,
): Promise<Map<string, NicDetail>> {
  const otherNetworks = nics.map((n) => n.l3NetworkUuid).filter((u) => !!u && !known.networks.has(u));
  const [vms, l3s] = await Promise.all([
    known.vms ??
      lookupNames(
        client,
        paths.vms,
        nics.map((n) => n.vmInstanceUuid),
        signal,
      ),
    lookupNames(client, paths.l3Networks, otherNetworks, signal),
  ]);
  const l3Name = (uuid: string) => known.networks.get(uuid) ?? l3s.get(uuid);
  return new Map(
    nics.map((n) => [
      n.uuid,
      {
        uuid: n.uuid,
        ip: n.ip ?? undefined,
        vmInstanceUuid: n.vmInstanceUuid ?? undefined,
        vmName: n.vmInstanceUuid ? vms.get(n.vmInstanceUuid) : undefined,
        vmState: n.vmInstanceUuid ? known.vmStates?.get(n.vmInstanceUuid) : undefined,
        l3NetworkUuid: n.l3NetworkUuid ?? undefined,
        l3Name: n.l3NetworkUuid ? l3Name(n.l3NetworkUuid) : undefined,
      },
    ]),
  );
}

/**
 * The member NICs on one page of the table, with their VMs' names, in one request: the VMs holding them
 * (`vmNics.uuid?=`, at most 100 uuids: a request line of about 3.5 KB), whose inventories carry their
 * NICs. So a large group's table is usable after the group itself and one more round trip.
 */
export const pageNicsQuery = (
  client: QueryClient,
  groupUuid: string,
  nicUuids: readonly string[],
  networks: KnownNetworks,
) =>
  queryOptions({
    queryKey: serverGroupKeys.pageNics(groupUuid, nicUuids),
    queryFn: async ({ signal }) => {
      const [{ inventories: vms }, known] = await Promise.all([
        runQuery(
          paths.vms,
          vmInstanceSchema,
          { q: [q.in('vmNics.uuid', nicUuids)], limit: nicUuids.length },
          { signal },
        ),
        networks(),
      ]);
      const wanted = new Set(nicUuids);
      const nics = vms.flatMap((vm) =>
        (vm.vmNics ?? []).filter((n) => wanted.has(n.uuid)).map((n) => ({ ...n, vmInstanceUuid: vm.uuid })),
      );
      const vmNames = new Map(vms.map((vm) => [vm.uuid, vm.name]));
      const vmStates = statesOf(vms);
      return withNames(client, nics, { vms: vmNames, vmStates, networks: known }, signal);
    },
    enabled: nicUuids.length > 0,
    staleTime: 30_000,
  });

/**
 * Every member NIC with its VM and network, to filter and sort the whole table: the group's NICs through
 * ZStack's `loadBalancerServerGroup` relation and their VMs through `vmNics.loadBalancerServerGroup`, a
 * page of 1000 at a time in one stable order, all pages at once (the group says how many NICs it has).
 * Short request lines at any size.
 */
export const backendIndexQuery = (
  client: QueryClient,
  groupUuid: string,
  nicCount: number,
  signature: string,
  networks: KnownNetworks,
) =>
  queryOptions({
    queryKey: serverGroupKeys.index(groupUuid, signature),
    queryFn: async ({ signal }) => {
      const pages = Math.max(1, Math.ceil(nicCount / indexPageSize));
      const read = <S extends z.ZodMiniType>(
        path: string,
        schema: S,
        relation: string,
        fields: readonly string[],
      ) =>
        Promise.all(
          Array.from({ length: pages }, (_, i) =>
            runQuery(
              path,
              schema,
              {
                q: [q.eq(relation, groupUuid)],
                limit: indexPageSize,
                start: i * indexPageSize,
                fields,
                sort: byUuid,
              },
              { signal },
            ),
          ),
        ).then((all) => all.flatMap((page) => page.inventories));
      const [nics, vms, known] = await Promise.all([
        read(paths.nics, nicSummary, 'loadBalancerServerGroup.uuid', nicFields),
        read(paths.vms, namedWithState, 'vmNics.loadBalancerServerGroup.uuid', ['uuid', 'name', 'state']),
        networks(),
      ]);
      const vmNames = new Map(vms.map((vm) => [vm.uuid, vm.name ?? '']));
      return withNames(client, nics, { vms: vmNames, vmStates: statesOf(vms), networks: known }, signal);
    },
    enabled: nicCount > 0,
    staleTime: 30_000,
  });
