import { ConsoleCode, consoleError, ZStackError } from './errors';
import { translate } from '../i18n/i18n';

// What src/api/jobs.ts reports when a job's answer is lost, never confirmed or still running: the
// console's own errors, keyed in the catalogue (errors.*) so that they follow a language switch.

/**
 * An answer that did not come from ZStack's API layer and says nothing about the job: the connection
 * failed, the body could not be read, or something in between (a proxy, the REST layer) answered 5xx in
 * plain text. The write may or may not have happened; only the job can tell.
 */
export function answerLost(e: ZStackError): boolean {
  return (
    e.code === ConsoleCode.network ||
    e.code === ConsoleCode.malformed ||
    (e.code === ConsoleCode.http && e.status >= 500)
  );
}

export function notReceived(jobUuid: string, lost: ZStackError | undefined): ZStackError {
  if (lost && lost.code !== ConsoleCode.network) {
    // Keep what the answer said (a proxy's 502, an unreadable body) and add what the job told.
    const details = {
      key: 'errors.notReceived.after',
      values: { lost: lost.details, job: jobUuid },
    } as const;
    return new ZStackError(
      { ...lost.body(), details: translate(details.key, details.values) },
      lost.status,
      jobUuid,
      undefined,
      { ...lost.text, details },
    );
  }
  return consoleError(
    ConsoleCode.notReceived,
    0,
    {
      description: { key: 'errors.notReceived' },
      details: { key: 'errors.notReceived.details', values: { job: jobUuid } },
    },
    { jobUuid },
  );
}

export function notConfirmed(
  jobUuid: string,
  last: ZStackError,
  seen: boolean,
  failures: number,
): ZStackError {
  const values = { job: jobUuid, failures, code: last.code, description: last.description };
  return consoleError(
    ConsoleCode.notConfirmed,
    last.status,
    {
      description: { key: 'errors.notConfirmed' },
      details: { key: seen ? 'errors.notConfirmed.accepted' : 'errors.notConfirmed.details', values },
    },
    { jobUuid },
  );
}

export function stillRunning(jobUuid: string, elapsedMs: number, seen: boolean): ZStackError {
  const values = { job: jobUuid, seconds: Math.round(elapsedMs / 1000) };
  return consoleError(
    ConsoleCode.jobTimeout,
    0,
    {
      description: { key: 'errors.stillRunning' },
      details: { key: seen ? 'errors.stillRunning.accepted' : 'errors.stillRunning.details', values },
    },
    { jobUuid },
  );
}
