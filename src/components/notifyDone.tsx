import type { ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import type { JobOutcome } from '../api/useJobMutation';
import { Say } from '../i18n/react';
import { undoOfferMs, withUndo } from './undo/UndoButton';

/**
 * Tells the admin that a write was done, as news (role="status": alerts are for ZStack's errors). When
 * the answer to the request had been lost on the way, says that ZStack's own job confirms it: the admin
 * may have seen the connection fail and must not be left guessing. A title or message given as an
 * element (`<Say id=... />`) follows a language switch while the notification is shown. A write that can
 * be undone offers "Undo" for a while.
 */
export function notifyDone(title: ReactNode, message: ReactNode, outcome?: JobOutcome): void {
  const text = outcome?.recovered ? (
    <>
      {message} <Say id="job.recovered" values={{ job: outcome.jobUuid }} />
    </>
  ) : (
    message
  );
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
