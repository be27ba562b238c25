import type { TableQuery } from '../../../components/workbench/useTableState';

/**
 * Query keys of the virtual ID groups page. Everything about one group's membership hangs under
 * `membership(group)`, so that a write refreshes the members table and the picker in one go.
 */
export const vidGroupKeys = {
  all: ['virtual-id-groups'] as const,
  projectSearch: () => [...vidGroupKeys.all, 'project-search'] as const,
  project: (uuid: string) => [...vidGroupKeys.all, 'project', uuid] as const,
  groupSearch: (projectUuid: string) => [...vidGroupKeys.all, 'group-search', projectUuid] as const,
  group: (uuid: string) => [...vidGroupKeys.all, 'group', uuid] as const,
  membership: (groupUuid: string) => [...vidGroupKeys.all, 'membership', groupUuid] as const,
  members: (groupUuid: string, query: TableQuery) =>
    [...vidGroupKeys.membership(groupUuid), 'page', query] as const,
  allMembers: (groupUuid: string, filter: string) =>
    [...vidGroupKeys.membership(groupUuid), 'all', filter] as const,
  candidates: (groupUuid: string, projectUuid: string) =>
    [...vidGroupKeys.membership(groupUuid), 'candidates', projectUuid] as const,
};

/** One page per picker search: never the whole list (a project may have 100000 virtual IDs). */
export const pickerPageSize = 20;

export const byName = { field: 'name', direction: 'asc' } as const;
