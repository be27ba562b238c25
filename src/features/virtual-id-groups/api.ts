import { queryOptions, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { zstack } from '../../api/client';
import { q, runQuery } from '../../api/query';
import { groupSchema, parseInventories, projectSchema, virtualIdSchema, type Group } from '../../api/schemas';
import { useJobMutation, type JobOutcome } from '../../api/useJobMutation';
import type { PickerPage } from '../../components/EntityPicker';
import {
  toAddMembersBody,
  toRemoveMembersQuery,
  type AddMembersValues,
  type RemoveMembersValues,
} from './schema';

/** One page per picker search: never the whole list (a project may have 100000 virtual IDs). */
export const pickerPageSize = 20;
export const membersPageSize = 20;
/** Pages of the complete member-UUID set; most groups fit in one. */
const memberIdsPageSize = 1000;

const byName = { field: 'name', direction: 'asc' } as const;

/**
 * Everything about one group's membership hangs under `membership(group)`, so that a write invalidates the
 * members table, the member-UUID set and the "not yet a member" picker in one go.
 */
export const vidGroupKeys = {
  all: ['virtual-id-groups'] as const,
  projectSearch: () => [...vidGroupKeys.all, 'project-search'] as const,
  project: (uuid: string) => [...vidGroupKeys.all, 'project', uuid] as const,
  groupSearch: (projectUuid: string) => [...vidGroupKeys.all, 'group-search', projectUuid] as const,
  group: (uuid: string) => [...vidGroupKeys.all, 'group', uuid] as const,
  membership: (groupUuid: string) => [...vidGroupKeys.all, 'membership', groupUuid] as const,
  members: (groupUuid: string, page: number) =>
    [...vidGroupKeys.membership(groupUuid), 'page', page] as const,
  memberIds: (groupUuid: string) => [...vidGroupKeys.membership(groupUuid), 'ids'] as const,
  candidates: (groupUuid: string, projectUuid: string) =>
    [...vidGroupKeys.membership(groupUuid), 'candidates', projectUuid] as const,
};

const toPage = <T>(r: { inventories: T[]; total?: number }): PickerPage<T> => ({
  items: r.inventories,
  total: r.total,
});

/** Projects this identity may see (ZStack decides which), searched by name on the server. */
export async function searchProjects(text: string, signal?: AbortSignal) {
  return toPage(
    await runQuery(
      '/iam2/projects',
      projectSchema,
      {
        q: [text ? q.contains('name', text) : undefined],
        limit: pickerPageSize,
        replyWithCount: true,
        sort: byName,
      },
      { signal },
    ),
  );
}

export const projectQuery = (uuid: string) =>
  queryOptions({
    queryKey: vidGroupKeys.project(uuid),
    queryFn: async ({ signal }) =>
      (await runQuery('/iam2/projects', projectSchema, { q: [q.eq('uuid', uuid)], limit: 1 }, { signal }))
        .inventories[0] ?? null,
  });

/** A project's groups, searched by name on the server. */
export async function searchGroups(projectUuid: string, text: string, signal?: AbortSignal) {
  return toPage(
    await runQuery(
      '/iam2/projects/groups',
      groupSchema,
      {
        q: [q.eq('projectUuid', projectUuid), text ? q.contains('name', text) : undefined],
        limit: pickerPageSize,
        replyWithCount: true,
        sort: byName,
      },
      { signal },
    ),
  );
}

/**
 * The first page of a project's groups, unfiltered. It has the Group picker's own key for an empty search,
 * so the one request that tells whether the project has groups also fills the picker when it opens.
 */
export const projectGroupsQuery = (projectUuid: string) =>
  queryOptions({
    queryKey: [...vidGroupKeys.groupSearch(projectUuid), ''] as const,
    queryFn: ({ signal }) => searchGroups(projectUuid, '', signal),
  });

/** A group by UUID; ZStack answers an unknown one with an empty list (null here), never a 404. */
export const groupQuery = (uuid: string) =>
  queryOptions({
    queryKey: vidGroupKeys.group(uuid),
    queryFn: async ({ signal }): Promise<Group | null> =>
      (
        await runQuery(
          '/iam2/projects/groups',
          groupSchema,
          { q: [q.eq('uuid', uuid)], limit: 1 },
          { signal },
        )
      ).inventories[0] ?? null,
  });

const membersPath = '/iam2/IAM2VirtualIDGroup/IAM2VirtualID';

/** GetIAM2VirtualIDsOfGroup: a plain GET API, where sortBy/sortDirection are real (not sort=). */
async function fetchMembers(groupUuid: string, start: number, limit: number, signal?: AbortSignal) {
  const data = await zstack.get<unknown>(
    membersPath,
    { groupUuid, limit, start, replyWithCount: true, sortBy: 'name', sortDirection: 'asc' },
    { signal },
  );
  return parseInventories(virtualIdSchema, data, membersPath);
}

/** One page of the members table (page counts from 0). */
export const membersQuery = (groupUuid: string, page: number) =>
  queryOptions({
    queryKey: vidGroupKeys.members(groupUuid, page),
    queryFn: ({ signal }) => fetchMembers(groupUuid, page * membersPageSize, membersPageSize, signal),
  });

/**
 * The complete set of member UUIDs, which the picker's query excludes on the server (`uuid!?=`):
 * excluding members page by page on the client would give short or repeated pages.
 */
export const memberIdsQuery = (groupUuid: string) =>
  queryOptions({
    queryKey: vidGroupKeys.memberIds(groupUuid),
    queryFn: async ({ signal }) => {
      const ids: string[] = [];
      for (let start = 0; ; start += memberIdsPageSize) {
        const page = await fetchMembers(groupUuid, start, memberIdsPageSize, signal);
        ids.push(...page.inventories.map((v) => v.uuid));
        const total = page.total ?? ids.length;
        if (page.inventories.length < memberIdsPageSize || ids.length >= total) return ids;
      }
    },
  });

/**
 * The picker's search: one page of the project's virtual IDs that are not in the group and whose name
 * contains the text, all decided by ZStack's query.
 */
export function candidateSearch(queryClient: QueryClient, groupUuid: string, projectUuid: string) {
  return async (text: string, signal: AbortSignal) => {
    const memberIds = await queryClient.fetchQuery(memberIdsQuery(groupUuid));
    return toPage(
      await runQuery(
        '/iam2/virtual-ids',
        virtualIdSchema,
        {
          q: [
            q.eq('projects.uuid', projectUuid),
            memberIds.length > 0 && q.notIn('uuid', memberIds),
            text ? q.contains('name', text) : undefined,
          ],
          limit: pickerPageSize,
          replyWithCount: true,
          sort: byName,
        },
        { signal },
      ),
    );
  };
}

export function useCandidateSearch(groupUuid: string, projectUuid: string) {
  return candidateSearch(useQueryClient(), groupUuid, projectUuid);
}

/** AddIAM2VirtualIDsToGroup: one async call with every chosen UUID. */
export function useAddMembers(
  groupUuid: string,
  onSuccess?: (values: AddMembersValues, outcome: JobOutcome) => void,
) {
  return useJobMutation<AddMembersValues>({
    request: (values) => ({
      method: 'POST',
      path: `/iam2/projects/groups/${groupUuid}/virtual-ids`,
      body: toAddMembersBody(values),
    }),
    invalidates: () => [vidGroupKeys.membership(groupUuid)],
    onSuccess: (_result, values, outcome) => onSuccess?.(values, outcome),
  });
}

/** RemoveIAM2VirtualIDsFromGroup: one DELETE with the UUIDs repeated in the query string. */
export function useRemoveMembers(
  groupUuid: string,
  onSuccess?: (members: RemoveMembersValues, outcome: JobOutcome) => void,
) {
  return useJobMutation<RemoveMembersValues>({
    request: (members) => ({
      method: 'DELETE',
      path: `/iam2/projects/groups/${groupUuid}/virtual-ids`,
      query: toRemoveMembersQuery(members),
    }),
    invalidates: () => [vidGroupKeys.membership(groupUuid)],
    onSuccess: (_result, members, outcome) => onSuccess?.(members, outcome),
  });
}
