import { notifications } from '@mantine/notifications';
import type { JobOutcome } from '../api/useJobMutation';
import { undoOfferMs, withUndo } from './undo/UndoButton';

/**
 * Tells the admin that a write was done, as news (role="status": alerts are for ZStack's errors). When
 * the answer to the request had been lost on the way, says that ZStack's own job confirms it: the admin
 * may have seen the connection fail and must not be left guessing. A write that can be undone offers
 * "Undo" for a while.
 */
export function notifyDone(title: string, message: string, outcome?: JobOutcome): void {
  const text = outcome?.recovered
    ? `${message} The connection dropped before ZStack answered; ZStack's job ${outcome.jobUuid} confirms it was done.`
    : message;
  const undoId = outcome?.undoId;
  const id = undoId ? `undo-${undoId}` : undefined;
  notifications.show({
    ...(id ? { id, autoClose: undoOfferMs } : {}),
    title,
    message: undoId && id ? withUndo(text, undoId, id) : text,
    color: 'green',
    role: 'status',
  });
}
