import { queryOptions } from '@tanstack/react-query';
import { findByUuid, q, searchByName } from '../../../api/query';
import { groupSchema } from '../../../api/schemas';
import { pickerPageSize, vidGroupKeys } from './keys';

const path = '/iam2/projects/groups';

/** QueryIAM2VirtualIDGroup: a project's groups, searched by name. */
export const searchGroups = (projectUuid: string, text: string, signal?: AbortSignal) =>
  searchByName(path, groupSchema, text, {
    q: [q.eq('projectUuid', projectUuid)],
    limit: pickerPageSize,
    signal,
  });

/**
 * The first page of a project's groups, unfiltered. It has the Group picker's own key for an empty search,
 * so the one request that tells whether the project has groups also fills the picker when it opens.
 */
export const projectGroupsQuery = (projectUuid: string) =>
  queryOptions({
    queryKey: [...vidGroupKeys.groupSearch(projectUuid), ''] as const,
    queryFn: ({ signal }) => searchGroups(projectUuid, '', signal),
  });

/** A group by uuid; null when ZStack shows none. */
export const groupQuery = (uuid: string) =>
  queryOptions({
    queryKey: vidGroupKeys.group(uuid),
    queryFn: ({ signal }) => findByUuid(path, groupSchema, uuid, { signal }),
  });
