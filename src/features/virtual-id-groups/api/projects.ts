import { queryOptions } from '@tanstack/react-query';
import { findByUuid, searchByName } from '../../../api/query';
import { projectSchema } from '../../../api/schemas';
import { pickerPageSize, vidGroupKeys } from './keys';

const path = '/iam2/projects';

/** QueryIAM2Project: the projects this identity may see (ZStack decides which), searched by name. */
export const searchProjects = (text: string, signal?: AbortSignal) =>
  searchByName(path, projectSchema, text, { limit: pickerPageSize, signal });

/** One project by uuid; null when ZStack shows none. */
export const projectQuery = (uuid: string) =>
  queryOptions({
    queryKey: vidGroupKeys.project(uuid),
    queryFn: ({ signal }) => findByUuid(path, projectSchema, uuid, { signal }),
  });
