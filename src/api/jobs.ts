import { buildUrl, request, type QueryParams } from './client';
import { logJob, logResumedJob, type JobLog } from './log/wire';
import type { ZStackError } from './errors';
import { ConsoleCode, isZStackError } from './errors';
import { answerLost, notConfirmed, notReceived, stillRunning } from './jobErrors';
import { consoleConfig } from '../lib/config';

export interface AsyncRequest {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  query?: QueryParams;
}

export type JobPhase = 'sending' | 'running' | 'confirming';

export interface JobProgress {
  jobUuid: string;
  phase: JobPhase;
  polls: number;
  elapsedMs: number;
}

export interface JobOptions {
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
  /** Give up after this long with CONSOLE.JOB_TIMEOUT (the job may still finish on the server). */
  timeoutMs?: number;
  /** Reuse a job id (to resume following a job); by default a new one is made for every call. */
  jobUuid?: string;
}

/** A finished job: its result, and how the console learnt it. */
export interface JobDone<T> {
  result: T;
  jobUuid: string;
  /**
   * The answer to the request itself was lost or unreadable, and the console learnt that ZStack did the
   * job by polling the job id it had chosen: worth saying, since the admin saw the connection fail.
   */
  recovered: boolean;
}

/** How many failed polls in a row (network, unreadable answer, a proxy's 5xx) before giving up. */
const maxPollFailures = 5;

/**
 * Poll intervals: every 50 ms for the first 600 ms, since most writes finish within a few hundred
 * milliseconds and each poll is a small GET that needs no session; then every 100 ms up to a second,
 * then a quarter of the time waited so far (backing off smoothly) up to a 2 s cap.
 */
export function pollDelay(elapsedMs: number): number {
  if (elapsedMs < 600) return 50;
  if (elapsedMs < 1_000) return 100;
  return Math.min(2_000, Math.round(elapsedMs / 4));
}

/**
 * A random (version 4) UUID as ZStack writes them: 32 lowercase hex digits. From getRandomValues, which
 * browsers offer on plain http too; crypto.randomUUID exists only in secure contexts (https, localhost).
 */
export function newJobUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function jobPath(jobUuid: string): string {
  return `/zstack/v1/api-jobs/${jobUuid}`;
}

/**
 * Calls an async ZStack API: sends it with our own X-Job-UUID, reads the 202 location and polls the job
 * until it answers 200 (resolve with the result) or 503 (reject with the job's ZStack error).
 *
 * When the answer to the request itself is lost (dropped connection, unreadable body, a 5xx that is not
 * ZStack's), the console cannot know whether ZStack took it; because the job id is ours, it polls that job
 * and reports what really happened: done, failed with the job's error, or never received (safe to retry).
 */
export async function callAsyncJob<T>(req: AsyncRequest, opts: JobOptions = {}): Promise<JobDone<T>> {
  const jobUuid = opts.jobUuid ?? newJobUuid();
  const started = performance.now();
  const log = logJob(req.method, buildUrl(req.path, req.query), req.body, jobUuid);
  opts.onProgress?.({ jobUuid, phase: 'sending', polls: 0, elapsedMs: 0 });
  let location: string;
  try {
    const res = await request<{ location?: string }>(req.method, req.path, {
      body: req.body,
      query: req.query,
      signal: opts.signal,
      headers: { 'X-Job-UUID': jobUuid },
      log: log.request,
    });
    if (res.status === 200) return { result: res.data as T, jobUuid, recovered: false };
    location = locationPath(res.data.location) ?? jobPath(jobUuid);
  } catch (e) {
    if (!isZStackError(e)) throw log.failed(e);
    if (answerLost(e)) {
      log.answerLost();
      return log.track(
        followJob<T>(jobPath(jobUuid), jobUuid, {
          ...opts,
          started,
          seen: false,
          recovered: true,
          lost: e,
          log,
        }),
      );
    }
    if (e.status === 400 && e.details.includes(`Duplicate job uuid[${jobUuid}]`)) {
      // The browser sent the request again on its own (a reused connection closed under it): ZStack
      // already has this job from the first send. Follow it; nothing runs twice.
      return log.track(
        followJob<T>(jobPath(jobUuid), jobUuid, { ...opts, started, seen: true, recovered: true, log }),
      );
    }
    throw log.failed(e.withJob(jobUuid));
  }
  return log.track(followJob<T>(location, jobUuid, { ...opts, started, seen: true, recovered: false, log }));
}

/** callAsyncJob when only the result matters (a one-off write). */
export async function callAsync<T>(req: AsyncRequest, opts: JobOptions = {}): Promise<T> {
  return (await callAsyncJob<T>(req, opts)).result;
}

/**
 * Goes on following a job that an earlier call gave up waiting for ("check again"). Sends nothing: if
 * ZStack has no such job, the request never reached it.
 */
export function resumeAsyncJob<T>(jobUuid: string, opts: JobOptions = {}): Promise<JobDone<T>> {
  const log = logResumedJob(jobUuid);
  return log.track(
    followJob<T>(jobPath(jobUuid), jobUuid, {
      ...opts,
      started: performance.now(),
      seen: true,
      recovered: false,
      unknownMeansNotReceived: true,
      log,
    }),
  );
}

function locationPath(location: string | undefined): string | undefined {
  if (!location) return undefined;
  try {
    // The location names the node's own host; behind a proxy only its path is reachable.
    const url = new URL(location, window.location.origin);
    return url.pathname.startsWith('/zstack/') ? url.pathname : undefined;
  } catch {
    return undefined;
  }
}

interface FollowOptions extends JobOptions {
  started: number;
  /** ZStack is known to have the job (a 202 came back). Until then a 404 may mean "never received". */
  seen: boolean;
  /** The answer to the request was lost; the outcome comes from polling alone. */
  recovered: boolean;
  /** What lost the answer, to show if ZStack turns out never to have received the request. */
  lost?: ZStackError;
  /** A 404 means the request never reached ZStack, even if the job was seen before ("check again"). */
  unknownMeansNotReceived?: boolean;
  /** The job's entry in the API log: each poll counts there (polls are no entries of their own). */
  log?: JobLog;
}

async function followJob<T>(path: string, jobUuid: string, opts: FollowOptions): Promise<JobDone<T>> {
  const timeoutMs = opts.timeoutMs ?? consoleConfig().jobTimeoutMs;
  let polls = 0;
  let notFound = 0;
  let failures = 0;
  let seen = opts.seen;
  for (;;) {
    const elapsedMs = performance.now() - opts.started;
    if (elapsedMs > timeoutMs) throw stillRunning(jobUuid, elapsedMs, seen);
    opts.onProgress?.({
      jobUuid,
      phase: !seen && opts.recovered ? 'confirming' : 'running',
      polls,
      elapsedMs,
    });
    await sleep(pollDelay(elapsedMs), opts.signal);
    polls += 1;
    opts.log?.polled();
    try {
      const res = await request<T>('GET', path, { auth: false, signal: opts.signal, log: false });
      if (res.status === 200) return { result: res.data, jobUuid, recovered: opts.recovered };
      seen = true;
      notFound = 0;
      failures = 0;
    } catch (e) {
      if (!isZStackError(e)) throw e;
      if (e.status === 404 && e.code === ConsoleCode.http && (!seen || opts.unknownMeansNotReceived)) {
        // Give ZStack a moment to register a job it may be receiving right now.
        notFound += 1;
        if (notFound < 3) continue;
        throw notReceived(jobUuid, opts.lost);
      }
      if (answerLost(e)) {
        // A poll is a read: ask again. The job goes on on the server whatever happens to a poll.
        failures += 1;
        if (failures < maxPollFailures) continue;
        throw notConfirmed(jobUuid, e, seen, maxPollFailures);
      }
      throw e.withJob(jobUuid);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
