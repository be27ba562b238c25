import { queryOptions } from '@tanstack/react-query';
import { findByUuid, q, runQuery } from '../../../api/query';
import { projectSchema } from '../../../api/schemas';
import { byName, pickerPageSize, vidGroupKeys } from './keys';

const path = '/iam2/projects';

/** QueryIAM2Project: the projects this identity may see (ZStack decides which), searched by name. */
export async function searchProjects(text: string, signal?: AbortSignal) {
  const r = await runQuery(
    path,
    projectSchema,
    {
      q: [text ? q.contains('name', text) : undefined],
      limit: pickerPageSize,
      replyWithCount: true,
      sort: byName,
    },
    { signal },
  );
  return { items: r.inventories, total: r.total };
}

/** One project by uuid; null when ZStack shows none. */
export const projectQuery = (uuid: string) =>
  queryOptions({
    queryKey: vidGroupKeys.project(uuid),
    queryFn: ({ signal }) => findByUuid(path, projectSchema, uuid, { signal }),
  });
