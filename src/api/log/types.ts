import type { ZStackErrorBody } from '../errors';

/**
 * How the job of an async call stands or ended: `running` until it settles; `stillRunning` (the console
 * stopped waiting) and `notConfirmed` (its state could not be read) are not known to have ended;
 * `notReceived` means ZStack never got the request.
 */
export type JobEnd = 'running' | 'done' | 'failed' | 'stillRunning' | 'notConfirmed' | 'notReceived';

export interface LoggedJob {
  uuid: string;
  end: JobEnd;
  /** The answer to the request itself was lost; the outcome came from polling the job id. */
  afterLostAnswer: boolean;
  polls: number;
}

/** A body as kept: masked JSON (or the plain text ZStack sent), whole or cut to a preview. */
export interface LoggedBody {
  text: string;
  /** Characters of the whole body (`text.length` when kept whole). */
  size: number;
  truncated: boolean;
  /** Not JSON: a plain-text answer (ZStack's REST layer errors) or an unreadable one. */
  plain?: boolean;
}

/** `unknown`: the job may or may not have been done (still running, not confirmed). */
export type EntryOutcome = 'pending' | 'ok' | 'failed' | 'unknown';

export interface ApiLogEntry {
  readonly id: number;
  /** When the call started (ms since the epoch). */
  readonly at: number;
  /** ZStack's API name (`AddBackendServerToServerGroup`); undefined for a path the table does not know. */
  readonly apiName: string | undefined;
  readonly method: string;
  /** Path as sent (with /zstack/v1), masked, without the query string. */
  readonly path: string;
  /** Query string as sent, masked, without `?`; '' when none. */
  readonly query: string;
  readonly write: boolean;
  readonly outcome: EntryOutcome;
  /** HTTP status of the last answer (of the job for an async call); 0 when none came. */
  readonly status?: number;
  readonly durationMs?: number;
  readonly job?: LoggedJob;
  readonly request?: LoggedBody;
  /** The answer, or the job's result. */
  readonly response?: LoggedBody;
  readonly error?: ZStackErrorBody;
}

/** What the API layer knows when it sends a call. */
export interface CallStart {
  method: string;
  /** `path` or `path?query`, as sent (with or without /zstack/v1). */
  url: string;
  body?: unknown;
  /** The Authorization header value sent, if any: never kept, only learnt so that it is masked. */
  authorization?: string;
  /** Our X-Job-UUID of an async call. */
  jobUuid?: string;
}
