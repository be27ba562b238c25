import * as z from 'zod/mini';
import { q, runQuery } from '../../../api/query';
import { virtualIdSchema, type VirtualId } from '../../../api/schemas';
import { byName, pickerPageSize } from './keys';

const path = '/iam2/virtual-ids';
const uuidOnly = z.looseObject({ uuid: z.string() });

/** A virtual ID the picker offers, marked when it is in the group already. */
export interface Candidate extends VirtualId {
  member: boolean;
}

/**
 * The "Virtual IDs" search: one page of the project's virtual IDs whose name contains the text, and at
 * the same time the first page of the group's members among them, in the same order. Every member on
 * the first page is then on the second (it ranks no lower among members than among all), so the page
 * marks its members as "already a member" without a list of members in any URL: two short requests in
 * one round trip, at any group size.
 */
export function candidateSearch(groupUuid: string, projectUuid: string) {
  return async (text: string, signal: AbortSignal) => {
    const conditions = [q.eq('projects.uuid', projectUuid), text ? q.contains('name', text) : undefined];
    const [page, members] = await Promise.all([
      runQuery(
        path,
        virtualIdSchema,
        { q: conditions, limit: pickerPageSize, replyWithCount: true, sort: byName },
        { signal },
      ),
      runQuery(
        path,
        uuidOnly,
        {
          q: [...conditions, q.eq('groups.uuid', groupUuid)],
          limit: pickerPageSize,
          sort: byName,
          fields: ['uuid'],
        },
        { signal },
      ),
    ]);
    const memberUuids = new Set(members.inventories.map((m) => m.uuid));
    const items: Candidate[] = page.inventories.map((v) => ({ ...v, member: memberUuids.has(v.uuid) }));
    return { items, total: page.total };
  };
}
