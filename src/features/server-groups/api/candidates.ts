import { queryOptions } from '@tanstack/react-query';
import { q, runQuery, type Condition } from '../../../api/query';
import { vmInstanceSchema, type VmInstance } from '../../../api/schemas';
import type { PickerPage } from '../../../components/workbench/pickerSearch';
import { canonicalIp } from '../ip';
import { loadBalancerKeys, paths, pickerPageSize } from './keys';
import { mergePages } from './merge';
import { named } from './names';

/** A NIC the "VM NICs" picker offers, with why it cannot be chosen (already in the group). */
export interface CandidateNic {
  uuid: string;
  ip: string;
  vmInstanceUuid: string;
  vmName: string;
  l3NetworkUuid?: string;
  l3Name: string;
  blocked?: string;
}

/** The L3 networks with the LoadBalancer service, by uuid with their names: asked for once per group. */
export const lbNetworksQuery = (loadBalancerUuid: string) =>
  queryOptions({
    queryKey: loadBalancerKeys.networks(loadBalancerUuid),
    queryFn: async ({ signal }) => {
      const r = await runQuery(
        paths.l3Networks,
        named,
        {
          q: [q.eq('networkServices.networkServiceType', 'LoadBalancer')],
          limit: 1000,
          fields: ['uuid', 'name'],
        },
        { signal },
      );
      return new Map(r.inventories.map((l3) => [l3.uuid, l3.name ?? l3.uuid]));
    },
    staleTime: 5 * 60_000,
  });

/** What the picker offers and marks, besides the search text. */
export interface CandidateScope {
  /** The networks whose NICs may join (lbNetworksQuery). */
  networks: ReadonlyMap<string, string>;
  /** The group's member NICs: offered, but marked and not choosable. */
  memberNics: ReadonlySet<string>;
  /** Canonical IPs of the group's server IPs: a NIC with one of them would repeat it. */
  serverIps: ReadonlySet<string>;
  /** The group's IP version: a group takes NICs of its own version. */
  ipVersion?: number | null;
}

/** What a search text could be part of: an IP (hex digits, dots, colons) or only a name. */
const couldBeIp = (text: string) => /^[0-9a-fA-F.:]+$/.test(text);
/** A uuid list longer than this goes through ZStack's relation instead, to keep the URL short. */
const maxListedNetworks = 100;

/**
 * The "VM NICs" search, as GetCandidateVmNicsForLoadBalancerServerGroup decides but paged: VMs (user
 * VMs, Running or Stopped) with a NIC on one of the networks, whose name or NIC IP contains the text, a
 * page of 20 by name, each with its NICs: one request per keystroke (two at once when the text could be
 * a name or an IP), since the VM inventory carries its NICs and the networks' names are known. Members
 * of the group are marked "already in this group" rather than left out, so pages never come back short.
 */
export async function searchCandidateNics(
  scope: CandidateScope,
  text: string,
  signal: AbortSignal,
): Promise<PickerPage<CandidateNic>> {
  const networkUuids = [...scope.networks.keys()];
  if (networkUuids.length === 0) return { items: [], total: 0 };
  const base: Condition[] = [
    q.in('state', ['Running', 'Stopped']),
    q.in('type', ['UserVm', 'baremetal2']),
    networkUuids.length <= maxListedNetworks
      ? q.in('vmNics.l3NetworkUuid', networkUuids)
      : q.eq('vmNics.l3Network.networkServices.networkServiceType', 'LoadBalancer'),
    q.notNull('vmNics.ip'),
    ...(scope.ipVersion ? [q.eq('vmNics.ipVersion', scope.ipVersion)] : []),
  ];
  const vmQuery = (conditions: Condition[]) =>
    runQuery(
      paths.vms,
      vmInstanceSchema,
      {
        q: [...base, ...conditions],
        limit: pickerPageSize,
        replyWithCount: true,
        sort: { field: 'name', direction: 'asc' },
      },
      { signal },
    );
  const pages = await Promise.all(
    text
      ? [
          vmQuery([q.contains('name', text)]),
          ...(couldBeIp(text) ? [vmQuery([q.contains('vmNics.ip', text)])] : []),
        ]
      : [vmQuery([])],
  );
  const page = mergePages(pages, (vm) => vm.name);
  const items = page.items.flatMap((vm) => nicsOf(vm, scope, text));
  return {
    items,
    total: page.total,
    totalIsLowerBound: page.totalIsLowerBound || items.length !== page.items.length,
  };
}

function nicsOf(vm: VmInstance, scope: CandidateScope, text: string): CandidateNic[] {
  const needle = text.toLowerCase();
  const nameMatches = !text || vm.name.toLowerCase().includes(needle);
  return (vm.vmNics ?? [])
    .filter(
      (n) =>
        !!n.ip &&
        !n.metaData &&
        !!n.l3NetworkUuid &&
        scope.networks.has(n.l3NetworkUuid) &&
        (!scope.ipVersion || n.ipVersion == null || n.ipVersion === scope.ipVersion) &&
        (nameMatches || n.ip.toLowerCase().includes(needle)),
    )
    .map((n) => ({
      uuid: n.uuid,
      ip: n.ip!,
      vmInstanceUuid: vm.uuid,
      vmName: vm.name,
      l3NetworkUuid: n.l3NetworkUuid ?? undefined,
      l3Name: scope.networks.get(n.l3NetworkUuid!) ?? '',
      blocked: scope.memberNics.has(n.uuid)
        ? 'Already in this group'
        : scope.serverIps.has(canonicalIp(n.ip!))
          ? `Its IP ${n.ip} is already a backend of this group`
          : undefined,
    }));
}
