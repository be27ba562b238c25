import type { ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import type { JobOutcome } from '../api/useJobMutation';
import { Say } from '../i18n/react';

/**
 * Tells the admin that a write was done, as news (role="status": alerts are for ZStack's errors). When
 * the answer to the request had been lost on the way, says that ZStack's own job confirms it: the admin
 * may have seen the connection fail and must not be left guessing. A title or message given as an
 * element (`<Say id=... />`) follows a language switch while the notification is shown.
 */
export function notifyDone(title: ReactNode, message: ReactNode, outcome?: JobOutcome): void {
  notifications.show({
    title,
    message: outcome?.recovered ? (
      <>
        {message} <Say id="job.recovered" values={{ job: outcome.jobUuid }} />
      </>
    ) : (
      message
    ),
    color: 'green',
    role: 'status',
  });
}
