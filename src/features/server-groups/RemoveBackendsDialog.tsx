import type { JobProgress as Progress } from '../../api/jobs';
import type { ZStackError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { JobProgress } from '../../components/JobProgress';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import { describeBackend, type BackendView } from './backends';

export interface RemoveBackendsDialogProps {
  groupName: string;
  /** What is to be removed; null when the dialog is closed. */
  targets: BackendView[] | null;
  busy: boolean;
  progress?: Progress;
  error?: ZStackError | null;
  onCheckAgain?: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before RemoveBackendServerFromServerGroup, naming every backend; ZStack's error shows inside. */
export function RemoveBackendsDialog({
  groupName,
  targets,
  busy,
  progress,
  error,
  onCheckAgain,
  onConfirm,
  onCancel,
}: RemoveBackendsDialogProps) {
  const count = targets?.length ?? 0;
  return (
    <ConfirmDialog
      opened={targets !== null}
      title={count === 1 ? 'Remove backend server?' : `Remove ${count} backend servers?`}
      message={`These backends leave ${groupName} and stop receiving traffic from its listeners:`}
      items={(targets ?? []).map(describeBackend)}
      confirmLabel={count === 1 ? 'Remove backend server' : `Remove ${count} backend servers`}
      onConfirm={onConfirm}
      onCancel={onCancel}
      busy={busy}
    >
      <JobProgress progress={progress} label="Removing backend servers" />
      {error ? (
        <ZStackErrorAlert error={error} action="remove backend servers" onCheckAgain={onCheckAgain} />
      ) : null}
    </ConfirmDialog>
  );
}
