/** Query keys of the server groups page. A write to a group refreshes everything under `detail(group)`. */
export const serverGroupKeys = {
  all: ['server-groups'] as const,
  search: () => [...serverGroupKeys.all, 'search'] as const,
  detail: (uuid: string) => [...serverGroupKeys.all, 'detail', uuid] as const,
  /** VM, IP and network of the member NICs on one page of the table. */
  pageNics: (uuid: string, nicUuids: readonly string[]) =>
    [...serverGroupKeys.detail(uuid), 'page-nics', nicUuids.join(',')] as const,
  /** VM, IP and network of every member NIC (to filter and sort the whole table). */
  index: (uuid: string, signature: string) => [...serverGroupKeys.detail(uuid), 'index', signature] as const,
  /** The networks whose NICs may join the group (they depend on its members' router). */
  networks: (uuid: string) => [...serverGroupKeys.detail(uuid), 'networks'] as const,
  /** The "VM NICs" picker; the signature changes whenever the group's members do. */
  candidates: (uuid: string, signature: string) =>
    [...serverGroupKeys.detail(uuid), 'candidates', signature] as const,
};

export const loadBalancerKeys = {
  detail: (uuid: string) => ['load-balancers', 'detail', uuid] as const,
  vip: (uuid: string) => ['vips', 'detail', uuid] as const,
};

/** One page of a picker's answers. */
export const pickerPageSize = 20;

export const isUuid = (text: string) => /^[0-9a-f]{32}$/.test(text);

/** The ZStack resources this page reads. */
export const paths = {
  groups: '/load-balancers/servergroups',
  group: (uuid: string) => `/load-balancers/servergroups/${uuid}`,
  loadBalancers: '/load-balancers',
  loadBalancer: (uuid: string) => `/load-balancers/${uuid}`,
  vip: (uuid: string) => `/vips/${uuid}`,
  nics: '/vm-instances/nics',
  vms: '/vm-instances',
  l3Networks: '/l3-networks',
  /** GetCandidateL3NetworksForServerGroup */
  groupNetworks: '/load-balancers/servergroups/candidate-l3network',
} as const;
