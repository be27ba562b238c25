import { useJobMutation, type JobOutcome } from '../../../api/useJobMutation';
import { toAddMembersBody, type AddMembersValues } from '../schema';
import { vidGroupKeys } from './keys';

/** AddIAM2VirtualIDsToGroup: one async call with every chosen UUID (they travel in the body). */
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
