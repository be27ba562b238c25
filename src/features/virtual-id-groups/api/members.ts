import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { zstack } from '../../../api/client';
import { q, readAll, runQuery, type QueryResult } from '../../../api/query';
import { parseInventories, virtualIdSchema, type VirtualId } from '../../../api/schemas';
import type { TableQuery } from '../../../components/workbench/useTableState';
import { vidGroupKeys } from './keys';

const membersPath = '/iam2/IAM2VirtualIDGroup/IAM2VirtualID';
const virtualIdsPath = '/iam2/virtual-ids';

/** Columns of the members table that ZStack sorts by (virtual ID fields). */
export const memberSortFields = ['name', 'state', 'type', 'createDate'] as const;

interface MemberRead {
  groupUuid: string;
  filter: string;
  sort: TableQuery['sort'];
  start: number;
  limit: number;
  withCount: boolean;
}

/**
 * A page of a group's members. Unfiltered: GetIAM2VirtualIDsOfGroup, a plain GET API where sortBy and
 * sortDirection are real (not sort=). Filtered by name: QueryIAM2VirtualID through the virtual ID's
 * `groups` relation, since that API has no name condition. Either way one short request line, whatever
 * the size of the group.
 */
async function readMembers(r: MemberRead, signal?: AbortSignal): Promise<QueryResult<VirtualId>> {
  if (!r.filter) {
    const data = await zstack.get<unknown>(
      membersPath,
      {
        groupUuid: r.groupUuid,
        limit: r.limit,
        start: r.start || undefined,
        replyWithCount: r.withCount || undefined,
        sortBy: r.sort.key,
        sortDirection: r.sort.direction,
      },
      { signal },
    );
    return parseInventories(virtualIdSchema, data, membersPath);
  }
  return runQuery(
    virtualIdsPath,
    virtualIdSchema,
    {
      q: [q.eq('groups.uuid', r.groupUuid), q.contains('name', r.filter)],
      limit: r.limit,
      start: r.start,
      replyWithCount: r.withCount,
      sort: { field: r.sort.key, direction: r.sort.direction },
    },
    { signal },
  );
}

/** One page of the members table, as the table asks for it (page, size, order, filter). */
export const membersQuery = (groupUuid: string, query: TableQuery) =>
  queryOptions({
    queryKey: vidGroupKeys.members(groupUuid, query),
    queryFn: async ({ signal }) => {
      const r = await readMembers(
        {
          groupUuid,
          filter: query.filter,
          sort: query.sort,
          start: query.page * query.pageSize,
          limit: query.pageSize,
          withCount: true,
        },
        signal,
      );
      return { rows: r.inventories, total: r.total ?? r.inventories.length };
    },
    placeholderData: keepPreviousData,
  });

/** Every member matching the filter (all of them without one), for "select all N matching". */
export function findMembers(groupUuid: string, filter: string, signal: AbortSignal): Promise<VirtualId[]> {
  return readAll((start, limit, withCount) =>
    readMembers(
      { groupUuid, filter, sort: { key: 'name', direction: 'asc' }, start, limit, withCount },
      signal,
    ),
  );
}
