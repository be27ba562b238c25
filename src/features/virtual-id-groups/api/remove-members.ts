import { buildUrl } from '../../../api/client';
import type { AsyncRequest } from '../../../api/jobs';
import { requestLineLength, splitQueryValues } from '../../../api/batch';
import type { RunPlan } from '../../../components/workbench/RunDialog';
import { removeMembersSchema, type MemberRef } from '../schema';

const key = 'virtualIDUuids';

/**
 * RemoveIAM2VirtualIDsFromGroup is a DELETE: its UUIDs travel in the query string, repeated. A long list
 * is split so that every request line stays within what a proxy in front of ZStack accepts (about 140
 * UUIDs a call); the calls run one after the other.
 */
export function removeMembersPlan(groupUuid: string, members: readonly MemberRef[]): RunPlan<MemberRef> {
  const valid = removeMembersSchema.parse(members);
  const path = `/iam2/projects/groups/${groupUuid}/virtual-ids`;
  const chunks = splitQueryValues(valid, key, (m) => m.uuid, requestLineLength('DELETE', buildUrl(path)));
  const requests: AsyncRequest[] = chunks.map((chunk) => ({
    method: 'DELETE',
    path,
    query: { [key]: chunk.map((m) => m.uuid) },
  }));
  return { chunks, requests };
}
