import { notifications } from '@mantine/notifications';
import type { JobOutcome } from '../api/useJobMutation';

/**
 * Tells the admin that a write was done, as news (role="status": alerts are for ZStack's errors). When
 * the answer to the request had been lost on the way, says that ZStack's own job confirms it: the admin
 * may have seen the connection fail and must not be left guessing.
 */
export function notifyDone(title: string, message: string, outcome?: JobOutcome): void {
  notifications.show({
    title,
    message: outcome?.recovered
      ? `${message} The connection dropped before ZStack answered; ZStack's job ${outcome.jobUuid} confirms it was done.`
      : message,
    color: 'green',
    role: 'status',
  });
}
