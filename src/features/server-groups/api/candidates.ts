import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { zstack } from '../../../api/client';
import { q, runQuery, type Condition } from '../../../api/query';
import {
  parseInventories,
  vmInstanceSchema,
  type ServerGroup,
  type VmInstance,
  type VmNic,
} from '../../../api/schemas';
import type { PickerPage } from '../../../components/workbench/pickerSearch';
import { canonicalIp } from '../ip';
import { paths, pickerPageSize, serverGroupKeys } from './keys';
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
  /** Why it cannot be chosen, as a catalogue key (its value `ip` is the NIC's IP). */
  blocked?: 'backends.nics.inGroup' | 'backends.staged.ipTaken';
}

/**
 * The networks whose NICs may join the group, by uuid with their names: GetCandidateL3NetworksForServerGroup,
 * the guest networks with the LoadBalancer service of the virtual router that serves the group (ZStack's
 * VirtualRouterLoadBalancerBackend.getAttachableVmNicsForServerGroup takes its NICs from the same
 * networks). A short list, read once per group; the NICs themselves come a page at a time.
 */
export const groupNetworksQuery = (groupUuid: string) =>
  queryOptions({
    queryKey: serverGroupKeys.networks(groupUuid),
    queryFn: async ({ signal }) => {
      const data = await zstack.get<unknown>(
        paths.groupNetworks,
        { serverGroupUuid: groupUuid, limit: 1000 },
        { signal },
      );
      const r = parseInventories(named, data, paths.groupNetworks);
      return new Map(r.inventories.map((l3) => [l3.uuid, l3.name ?? l3.uuid]));
    },
    staleTime: 5 * 60_000,
  });

/** The group's networks by uuid and name, for names of NICs (none for a group without load balancer). */
export const knownNetworks =
  (client: QueryClient, group: ServerGroup) => (): Promise<ReadonlyMap<string, string>> =>
    group.loadBalancerUuid ? client.fetchQuery(groupNetworksQuery(group.uuid)) : Promise.resolve(new Map());

/** What the picker offers and marks, besides the search text. */
export interface CandidateScope {
  /** The networks whose NICs may join (groupNetworksQuery). */
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

/** The NIC's address of the group's IP version (a dual-stack NIC has one of each), or undefined. */
function addressOf(nic: VmNic, ipVersion: number | null | undefined): string | undefined {
  if (!ipVersion) return nic.ip ?? undefined;
  const used = nic.usedIps ?? [];
  if (used.length === 0)
    return nic.ipVersion == null || nic.ipVersion === ipVersion ? (nic.ip ?? undefined) : undefined;
  return used.find((u) => u.ipVersion === ipVersion)?.ip ?? undefined;
}

/**
 * The "VM NICs" search: what GetCandidateVmNicsForLoadBalancerServerGroup offers (which has no paging),
 * a page at a time. VMs of type UserVM or baremetal2, Running or Stopped, with a NIC on one of the
 * group's networks (groupNetworksQuery) and an IP of the group's version, whose name or NIC IP contains
 * the text, 20 by name: one request per keystroke (two at once when the text could be a name or an IP),
 * since the VM inventory carries its NICs. Of each VM the NICs on those networks without `metaData`
 * (appliance NICs) are offered; members of the group are marked "already in this group" rather than
 * left out, so pages never come back short.
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
    q.in('type', ['UserVM', 'baremetal2']),
    networkUuids.length <= maxListedNetworks
      ? q.in('vmNics.l3NetworkUuid', networkUuids)
      : q.eq('vmNics.l3Network.networkServices.networkServiceType', 'LoadBalancer'),
    q.notNull('vmNics.ip'),
    // a NIC's own ipVersion is not set on the wire; its used IPs carry theirs
    ...(scope.ipVersion ? [q.eq('vmNics.usedIp.ipVersion', scope.ipVersion)] : []),
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
  return (vm.vmNics ?? []).flatMap((n) => {
    const ip = addressOf(n, scope.ipVersion);
    if (!ip || n.metaData || !n.l3NetworkUuid || !scope.networks.has(n.l3NetworkUuid)) return [];
    if (!nameMatches && !ip.toLowerCase().includes(needle)) return [];
    return [
      {
        uuid: n.uuid,
        ip,
        vmInstanceUuid: vm.uuid,
        vmName: vm.name,
        l3NetworkUuid: n.l3NetworkUuid,
        l3Name: scope.networks.get(n.l3NetworkUuid) ?? '',
        blocked: scope.memberNics.has(n.uuid)
          ? 'backends.nics.inGroup'
          : scope.serverIps.has(canonicalIp(ip))
            ? 'backends.staged.ipTaken'
            : undefined,
      },
    ];
  });
}
