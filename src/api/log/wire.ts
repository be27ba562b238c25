/**
 * Where the API layer reports to the API log (src/api/log/store.ts): one hook for a sync request
 * (client.ts request()), one for an async job (jobs.ts: the request, its polls, how it ended, "check
 * again"), and the session's life: the sessions the console holds are made known to the masker, and the
 * log is emptied on log out (in this tab or another: the session state turns anonymous; the LogOut calls
 * that follow are dropped by `clearApiLog`, src/session/api.ts) and when another identity logs in after
 * an expiry (the re-login dialog).
 *
 * For other modules: `logEntryOf(error)` is the entry of the call a ZStackError came from (the inline
 * error's link to the log), `logEntryOfJob(jobUuid)` the entry of a job (undo records sit next to it).
 */
import { getSessionId, onSessionStarted } from '../session';
import { asZStackError, isZStackError, type ZStackError } from '../errors';
import { getSessionState, subscribeSession } from '../../session/store';
import { peekFirstSessionId } from '../../session/firstSession';
import { apiLog } from './store';

const entries = new WeakMap<ZStackError, number>();

/** The log entry of the call that failed with `error` (its job's entry for a job's error). */
export function logEntryOf(error: ZStackError): number | undefined {
  const id = entries.get(error) ?? (error.jobUuid ? apiLog.findByJob(error.jobUuid)?.id : undefined);
  return id !== undefined && apiLog.get(id) ? id : undefined;
}

/** The log entry of an async job (by the X-Job-UUID the console gave it). */
export function logEntryOfJob(jobUuid: string): number | undefined {
  return apiLog.findByJob(jobUuid)?.id;
}

function fail(id: number, e: unknown): unknown {
  const error = asZStackError(e);
  apiLog.failed(id, { ...error.body(), status: error.status });
  if (isZStackError(e)) entries.set(e, id);
  return e;
}

/** How request() logs one call: `entry` when it is the request of a job (jobs.ts logs its end). */
export type RequestLog = false | { entry: number };

/**
 * A sync call about to be sent (or the request of a job, which only reports its answer here): returns
 * the answer as it came, after logging it.
 */
export function logRequest<R extends { status: number; data: unknown }>(
  call: { method: string; url: string; body: unknown; authorization: string | undefined },
  log: RequestLog | undefined,
  send: () => Promise<R>,
): Promise<R> {
  if (log === false) return send();
  if (log) return send().then((res) => (apiLog.answered(log.entry, res.status, res.data), res));
  const id = apiLog.begin(call);
  return send().then(
    (res) => (apiLog.answered(id, res.status, res.data), res),
    (e: unknown) => Promise.reject(fail(id, e)),
  );
}

/** An async job's entry, from its request to how it ended. */
export interface JobLog {
  readonly request: RequestLog;
  answerLost(): void;
  polled(): void;
  /** Logs how the job ended (its result, or its error) and passes it on. */
  track<T extends { result: unknown; recovered: boolean }>(followed: Promise<T>): Promise<T>;
  /** Logs the job's failure and returns the error to throw. */
  failed<E>(error: E): E;
}

function jobLog(id: number | undefined): JobLog {
  if (id === undefined) {
    return {
      request: false,
      answerLost: () => {},
      polled: () => {},
      track: (followed) => followed,
      failed: (error) => error,
    };
  }
  return {
    request: { entry: id },
    answerLost: () => apiLog.answerLost(id),
    polled: () => apiLog.polled(id),
    track: (followed) =>
      followed.then(
        (done) => (apiLog.jobDone(id, done.result, done.recovered), done),
        (e: unknown) => Promise.reject(fail(id, e)),
      ),
    failed: (error) => fail(id, error) as typeof error,
  };
}

/** A job about to be sent (`url` as buildUrl() makes it). */
export function logJob(method: string, url: string, body: unknown, jobUuid: string): JobLog {
  const session = getSessionId();
  return jobLog(
    apiLog.begin({
      method,
      url,
      body,
      jobUuid,
      authorization: session ? `OAuth ${session}` : undefined,
    }),
  );
}

/** "Check again": the job's earlier entry follows it again (nothing is logged if the log lost it). */
export function logResumedJob(jobUuid: string): JobLog {
  return jobLog(apiLog.resume(jobUuid));
}

function knowSessions(): void {
  apiLog.knowSession(getSessionId());
  apiLog.knowSession(peekFirstSessionId());
}

/** Log out: every entry and every session id learnt are forgotten. */
export function clearApiLog(): void {
  apiLog.clear();
  knowSessions();
}

let last = getSessionState();
knowSessions();
onSessionStarted(knowSessions);
subscribeSession(() => {
  const state = getSessionState();
  const before = last;
  last = state;
  if (state.workspace === before.workspace) return;
  // A login from the login page keeps its own calls (the log was emptied at the log out before it).
  if (state.status === 'anonymous' || before.status === 'expired') clearApiLog();
});
