import { Stack } from '@mantine/core';
import type { Group } from '../../api/schemas';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { JobProgress } from '../../components/JobProgress';
import { notifyDone } from '../../components/notifyDone';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import { useRemoveMembers } from './api';
import { nameList, type RemoveMembersValues } from './schema';

export interface RemoveMembersDialogProps {
  group: Group;
  /** The members to remove; null when the dialog is closed. */
  members: RemoveMembersValues | null;
  onClose: () => void;
  onRemoved: (members: RemoveMembersValues) => void;
}

/**
 * Names every member that will leave the group, then sends one RemoveIAM2VirtualIDsFromGroup call. The
 * dialog stays open while the job runs and shows the error inside it when the job fails.
 */
export function RemoveMembersDialog({ group, members, onClose, onRemoved }: RemoveMembersDialogProps) {
  const remove = useRemoveMembers(group.uuid, (removed, outcome) => {
    const names = removed.map((m) => m.name);
    notifyDone(
      `Removed from ${group.name}`,
      `${nameList(names, 10)} ${names.length === 1 ? 'is' : 'are'} no longer in ${group.name}.`,
      outcome,
    );
    onRemoved(removed);
  });
  const count = members?.length ?? 0;
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      opened={members !== null}
      title={`Remove from ${group.name}`}
      message={`Remove ${count === 1 ? 'this virtual ID' : `these ${count} virtual IDs`} from group ${group.name}? They stay in the project and keep their logins; only their membership of this group ends.`}
      items={members?.map((m) => m.name)}
      confirmLabel={count === 1 ? 'Remove member' : `Remove ${count} members`}
      onConfirm={() => members && remove.submit(members)}
      onCancel={close}
      busy={remove.isPending}
    >
      {remove.progress || remove.error ? (
        <Stack gap="xs">
          <JobProgress progress={remove.progress} label="Remove from group" />
          {remove.error ? (
            <ZStackErrorAlert
              error={remove.error}
              action={`remove members from ${group.name}`}
              onCheckAgain={remove.checkAgain}
            />
          ) : null}
        </Stack>
      ) : null}
    </ConfirmDialog>
  );
}
