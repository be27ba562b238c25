import { queryOptions, useQueryClient, type QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { zstack } from '../../api/client';
import { q, runQuery, type Condition, type QueryResult } from '../../api/query';
import {
  loadBalancerSchema,
  parseInventories,
  parseInventory,
  serverGroupSchema,
  vipSchema,
  vmNicSchema,
  type ServerGroup,
} from '../../api/schemas';
import { useJobMutation, type JobOutcome } from '../../api/useJobMutation';
import type { PickerPage } from '../../components/EntityPicker';
import { lookupNames, rememberNames } from './names';
import type { AddBackendParams } from './schema';

export const paths = {
  groups: '/load-balancers/servergroups',
  group: (uuid: string) => `/load-balancers/servergroups/${uuid}`,
  loadBalancers: '/load-balancers',
  loadBalancer: (uuid: string) => `/load-balancers/${uuid}`,
  vip: (uuid: string) => `/vips/${uuid}`,
  nics: '/vm-instances/nics',
  vms: '/vm-instances',
  l3Networks: '/l3-networks',
  addBackends: (uuid: string) => `/load-balancers/servergroups/${uuid}/backendservers`,
  removeBackends: (uuid: string) => `/load-balancers/servergroups/${uuid}/backendservers/actions`,
  // singular: ZStack's path for ChangeLoadBalancerBackendServer
  changeBackends: (uuid: string) => `/load-balancers/servergroups/${uuid}/backendserver/actions`,
} as const;

/** One page of a picker's answers. */
export const pageSize = 20;

export const serverGroupKeys = {
  all: ['server-groups'] as const,
  search: () => [...serverGroupKeys.all, 'search'] as const,
  detail: (uuid: string) => [...serverGroupKeys.all, 'detail', uuid] as const,
  /** Details (VM, IP, network) of the member NICs shown on one page of the table. */
  nics: (uuid: string, nicUuids: readonly string[]) =>
    [...serverGroupKeys.detail(uuid), 'nics', nicUuids.join(',')] as const,
  /** Candidate NICs; the signature changes whenever the group's members do. */
  candidates: (uuid: string, signature: string) =>
    [...serverGroupKeys.detail(uuid), 'candidates', signature] as const,
};

export const loadBalancerKeys = {
  detail: (uuid: string) => ['load-balancers', 'detail', uuid] as const,
  vip: (uuid: string) => ['vips', 'detail', uuid] as const,
};

export const isUuid = (text: string) => /^[0-9a-f]{32}$/.test(text);

// ---------------------------------------------------------------------------------------------- reads

async function getOne<S extends z.ZodMiniType>(path: string, schema: S, signal: AbortSignal) {
  const data = await zstack.get<unknown>(path, undefined, { signal });
  // ZStack answers an unknown uuid with an empty list, never 404.
  return parseInventories(schema, data, path).inventories[0] ?? null;
}

/** The group with its NIC refs, server IPs and listener refs; null when no such group exists. */
export const serverGroupQuery = (uuid: string) =>
  queryOptions({
    queryKey: serverGroupKeys.detail(uuid),
    queryFn: ({ signal }) => getOne(paths.group(uuid), serverGroupSchema, signal),
    enabled: isUuid(uuid),
  });

export const loadBalancerQuery = (uuid: string) =>
  queryOptions({
    queryKey: loadBalancerKeys.detail(uuid),
    queryFn: ({ signal }) => getOne(paths.loadBalancer(uuid), loadBalancerSchema, signal),
    staleTime: 60_000,
  });

export const vipQuery = (uuid: string) =>
  queryOptions({
    queryKey: loadBalancerKeys.vip(uuid),
    queryFn: ({ signal }) => getOne(paths.vip(uuid), vipSchema, signal),
    staleTime: 5 * 60_000,
  });

export interface NicDetail {
  uuid: string;
  ip?: string;
  vmInstanceUuid?: string;
  vmName?: string;
  l3NetworkUuid?: string;
  l3Name?: string;
}

/** VM name, IP and network of NICs: one NIC query, then the names not yet known (VMs and L3s at once). */
async function nicDetails(
  client: QueryClient,
  nics: readonly z.output<typeof vmNicSchema>[],
  signal: AbortSignal,
): Promise<NicDetail[]> {
  const [vmNames, l3Names] = await Promise.all([
    lookupNames(
      client,
      paths.vms,
      nics.map((n) => n.vmInstanceUuid),
      signal,
    ),
    lookupNames(
      client,
      paths.l3Networks,
      nics.map((n) => n.l3NetworkUuid),
      signal,
    ),
  ]);
  return nics.map((n) => ({
    uuid: n.uuid,
    ip: n.ip ?? undefined,
    vmInstanceUuid: n.vmInstanceUuid ?? undefined,
    vmName: n.vmInstanceUuid ? vmNames.get(n.vmInstanceUuid) : undefined,
    l3NetworkUuid: n.l3NetworkUuid ?? undefined,
    l3Name: n.l3NetworkUuid ? l3Names.get(n.l3NetworkUuid) : undefined,
  }));
}

/** Details of the member NICs on one page of the table (never the whole group at once). */
export const memberNicsQuery = (client: QueryClient, groupUuid: string, nicUuids: readonly string[]) =>
  queryOptions({
    queryKey: serverGroupKeys.nics(groupUuid, nicUuids),
    queryFn: async ({ signal }) => {
      const { inventories } = await runQuery(
        paths.nics,
        vmNicSchema,
        { q: [q.in('uuid', nicUuids)], limit: nicUuids.length },
        { signal },
      );
      const details = await nicDetails(client, inventories, signal);
      return new Map(details.map((d) => [d.uuid, d]));
    },
    enabled: nicUuids.length > 0,
  });

// ------------------------------------------------------------------------------------------- pickers

export interface GroupOption {
  uuid: string;
  name: string;
  loadBalancerUuid?: string;
  loadBalancerName?: string;
}

const groupSummarySchema = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  loadBalancerUuid: z.optional(z.nullable(z.string())),
});
const groupFields = ['uuid', 'name', 'loadBalancerUuid'] as const;
const lbNameSchema = z.looseObject({ uuid: z.string(), name: z.string() });

type Summary = z.output<typeof groupSummarySchema>;

const byName = { field: 'name', direction: 'asc' } as const;

/** `~=` is SQL LIKE: what the admin typed is matched literally (%, _ and \ escaped), anywhere in the field. */
export const likeText = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
const none: QueryResult<never> = { inventories: [], total: 0 };

/** True when a query's answer holds every match (the total is known and no larger than the page). */
const complete = (r: QueryResult<unknown>) => r.total !== undefined && r.total <= r.inventories.length;

/** Merges answers of several queries (ZStack has no OR): unique by uuid, by name, one page. */
function mergePages<T extends { uuid: string }>(
  pages: readonly QueryResult<T>[],
  nameOf: (item: T) => string,
  /** Some matches were not even asked for (a truncated list of load balancers). */
  truncatedElsewhere = false,
): PickerPage<T> {
  const seen = new Map<string, T>();
  for (const page of pages)
    for (const item of page.inventories) if (!seen.has(item.uuid)) seen.set(item.uuid, item);
  const all = [...seen.values()].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const items = all.slice(0, pageSize);
  if (!truncatedElsewhere && pages.every(complete)) return { items, total: all.length };
  // The union of truncated answers: at least as many as the largest one said.
  const atLeast = Math.max(all.length, ...pages.map((p) => p.total ?? p.inventories.length));
  return { items, total: atLeast, totalIsLowerBound: true };
}

/**
 * The "Server group" search: groups whose own name matches, or whose load balancer's name does. ZStack
 * AND-s conditions and a server group has no `loadBalancer` relation to query through, so: groups by name
 * and load balancers by name at once, then the groups of those load balancers and the load balancer
 * names still unknown at once. Four requests at most, in two round trips; an empty search is two.
 */
export async function searchServerGroups(
  client: QueryClient,
  text: string,
  signal: AbortSignal,
): Promise<PickerPage<GroupOption>> {
  const groupQuery = (conditions: Condition[]) =>
    runQuery(
      paths.groups,
      groupSummarySchema,
      { q: conditions, limit: pageSize, replyWithCount: true, sort: byName, fields: groupFields },
      { signal },
    );

  let pages: QueryResult<Summary>[];
  let truncated = false;
  if (!text) {
    pages = [await groupQuery([])];
  } else {
    const [named, lbs] = await Promise.all([
      groupQuery([q.like('name', likeText(text))]),
      runQuery(
        paths.loadBalancers,
        lbNameSchema,
        {
          q: [q.like('name', likeText(text))],
          limit: pageSize,
          replyWithCount: true,
          fields: ['uuid', 'name'],
        },
        { signal },
      ),
    ]);
    rememberNames(client, paths.loadBalancers, lbs.inventories);
    const ofLbs = lbs.inventories.length
      ? await groupQuery([
          q.in(
            'loadBalancerUuid',
            lbs.inventories.map((lb) => lb.uuid),
          ),
        ])
      : none;
    pages = [named, ofLbs];
    truncated = !complete(lbs);
  }
  const page = mergePages(pages, (g) => g.name, truncated);
  const lbNames = await lookupNames(
    client,
    paths.loadBalancers,
    page.items.map((g) => g.loadBalancerUuid),
    signal,
  );
  return {
    ...page,
    items: page.items.map((g) => ({
      uuid: g.uuid,
      name: g.name,
      loadBalancerUuid: g.loadBalancerUuid ?? undefined,
      loadBalancerName: g.loadBalancerUuid ? lbNames.get(g.loadBalancerUuid) : undefined,
    })),
  };
}

export interface CandidateNic {
  uuid: string;
  ip: string;
  vmInstanceUuid?: string;
  vmName: string;
  l3NetworkUuid?: string;
  l3Name: string;
}

/** What a search text could be part of: an IP (hex digits, dots, colons) or only a name. */
const couldBeIp = (text: string) => /^[0-9a-fA-F.:]+$/.test(text);

/** What the candidate query must match and leave out, on the server. */
export interface CandidateScope {
  /** The group: its member NICs are never offered. */
  groupUuid: string;
  /** Its server IPs: a NIC with one of them would repeat it. */
  ips: readonly string[];
  /** The group's IP version: a group takes NICs of its own version. */
  ipVersion?: number | null;
}

/**
 * The "VM NICs" search, ZStack's query equivalent of GetCandidateVmNicsForLoadBalancerServerGroup: NICs
 * with an IP, on an L3 network with the LoadBalancer service, not already in the group
 * (`loadBalancerServerGroup.uuid!?=<group>`), whose VM name or IP contains the text. Name and IP are two queries
 * (no OR in ZStack), the IP one only when the text could be part of an IP; then the VM and network names
 * not yet known. Two to four requests in two round trips.
 */
export async function searchCandidateNics(
  client: QueryClient,
  scope: CandidateScope,
  text: string,
  signal: AbortSignal,
): Promise<PickerPage<CandidateNic>> {
  const base: Condition[] = [
    q.eq('l3Network.networkServices.networkServiceType', 'LoadBalancer'),
    q.notNull('ip'),
    // as GetCandidateVmNicsForLoadBalancerServerGroup: NICs of VMs that exist and are not being destroyed
    q.in('vmInstance.state', ['Running', 'Stopped']),
  ];
  if (scope.ipVersion) base.push(q.eq('ipVersion', scope.ipVersion));
  // One short condition whatever the group's size (a uuid list would outgrow a URL at a few hundred NICs):
  // ZStack's VM NIC inventory expands to its server groups.
  base.push(q.notIn('loadBalancerServerGroup.uuid', [scope.groupUuid]));
  if (scope.ips.length) base.push(q.notIn('ip', scope.ips));
  const nicQuery = (conditions: Condition[]) =>
    runQuery(
      paths.nics,
      vmNicSchema,
      {
        q: [...base, ...conditions],
        limit: pageSize,
        replyWithCount: true,
        sort: { field: 'ip', direction: 'asc' },
      },
      { signal },
    );
  const pages = await Promise.all(
    text
      ? [
          nicQuery([q.like('vmInstance.name', likeText(text))]),
          ...(couldBeIp(text) ? [nicQuery([q.like('ip', likeText(text))])] : []),
        ]
      : [nicQuery([])],
  );
  const page = mergePages(pages, (n) => n.ip ?? '');
  const details = await nicDetails(client, page.items, signal);
  const items = details
    .map((d) => ({
      uuid: d.uuid,
      ip: d.ip ?? '',
      vmInstanceUuid: d.vmInstanceUuid,
      vmName: d.vmName ?? d.vmInstanceUuid ?? 'unknown VM',
      l3NetworkUuid: d.l3NetworkUuid,
      l3Name: d.l3Name ?? d.l3NetworkUuid ?? 'unknown network',
    }))
    .sort((a, b) => a.vmName.localeCompare(b.vmName) || a.ip.localeCompare(b.ip));
  return { ...page, items };
}

// -------------------------------------------------------------------------------------------- writes

/** Everything a write to this group can change: the group, its member details, its candidates. */
const affected = (groupUuid: string) => [serverGroupKeys.detail(groupUuid)];

/** Puts the group ZStack answered with into the cache at once; the invalidation then confirms it. */
function useStoreGroup(groupUuid: string) {
  const client = useQueryClient();
  return (result: unknown, where: string) => {
    try {
      const group: ServerGroup = parseInventory(serverGroupSchema, result, where);
      client.setQueryData(serverGroupKeys.detail(groupUuid), group);
    } catch {
      // an answer without the group: the invalidation that follows fetches it
    }
  };
}

/** AddBackendServerToServerGroup: one request for every staged NIC and IP. */
export function useAddBackendServers(
  groupUuid: string,
  onSuccess?: (params: AddBackendParams, outcome: JobOutcome) => void,
) {
  const store = useStoreGroup(groupUuid);
  return useJobMutation<AddBackendParams>({
    request: (params) => ({ method: 'POST', path: paths.addBackends(groupUuid), body: { params } }),
    invalidates: () => affected(groupUuid),
    onSuccess: (result, params, outcome) => {
      store(result, paths.addBackends(groupUuid));
      onSuccess?.(params, outcome);
    },
  });
}

export type BackendRef = { kind: 'nic'; uuid: string } | { kind: 'ip'; ipAddress: string };

export interface WeightChange {
  backend: BackendRef;
  weight: number;
}

export function changeWeightBody({ backend, weight }: WeightChange) {
  const w = String(weight);
  return {
    changeLoadBalancerBackendServer:
      backend.kind === 'nic'
        ? { vmNics: [{ uuid: backend.uuid, weight: w }] }
        : { servers: [{ ipAddress: backend.ipAddress, weight: w }] },
  };
}

/** ChangeLoadBalancerBackendServer for one backend. */
export function useChangeBackendWeight(
  groupUuid: string,
  onSuccess?: (change: WeightChange, outcome: JobOutcome) => void,
) {
  const store = useStoreGroup(groupUuid);
  return useJobMutation<WeightChange>({
    request: (change) => ({
      method: 'PUT',
      path: paths.changeBackends(groupUuid),
      body: changeWeightBody(change),
    }),
    invalidates: () => affected(groupUuid),
    onSuccess: (result, change, outcome) => {
      store(result, paths.changeBackends(groupUuid));
      onSuccess?.(change, outcome);
    },
  });
}

export function removeBody(backends: readonly BackendRef[]) {
  const vmNicUuids = backends.flatMap((b) => (b.kind === 'nic' ? [b.uuid] : []));
  const serverIps = backends.flatMap((b) => (b.kind === 'ip' ? [b.ipAddress] : []));
  return {
    removeBackendServerFromServerGroup: {
      ...(vmNicUuids.length ? { vmNicUuids } : {}),
      ...(serverIps.length ? { serverIps } : {}),
    },
  };
}

/** RemoveBackendServerFromServerGroup for one or several backends, in one request. */
export function useRemoveBackendServers(
  groupUuid: string,
  onSuccess?: (backends: readonly BackendRef[], outcome: JobOutcome) => void,
) {
  const store = useStoreGroup(groupUuid);
  return useJobMutation<readonly BackendRef[]>({
    request: (backends) => ({
      method: 'PUT',
      path: paths.removeBackends(groupUuid),
      body: removeBody(backends),
    }),
    invalidates: () => affected(groupUuid),
    onSuccess: (result, backends, outcome) => {
      store(result, paths.removeBackends(groupUuid));
      onSuccess?.(backends, outcome);
    },
  });
}
