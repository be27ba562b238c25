import { request, type QueryParams } from './client';
import { ConsoleCode, ZStackError, isZStackError } from './errors';
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

/**
 * Poll intervals: 50 ms, then every 100 ms for the first second so that short jobs feel instant, then a
 * quarter of the time waited so far (backing off smoothly) up to a 2 s cap.
 */
export function pollDelay(poll: number, elapsedMs: number): number {
  if (poll === 0) return 50;
  if (elapsedMs < 1_000) return 100;
  return Math.min(2_000, Math.round(elapsedMs / 4));
}

export function newJobUuid(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export function jobPath(jobUuid: string): string {
  return `/zstack/v1/api-jobs/${jobUuid}`;
}

/**
 * Calls an async ZStack API: sends it with our own X-Job-UUID, reads the 202 location and polls the job
 * until it answers 200 (resolve with the result) or 503 (reject with the job's ZStack error).
 *
 * When the answer to the request itself is lost (dropped connection, unreadable body), the console cannot
 * know whether ZStack took it; because the job id is ours, it polls that job and reports what really
 * happened: done, failed, or CONSOLE.NOT_RECEIVED (never reached ZStack, safe to retry).
 */
export async function callAsync<T>(req: AsyncRequest, opts: JobOptions = {}): Promise<T> {
  const jobUuid = opts.jobUuid ?? newJobUuid();
  const started = performance.now();
  opts.onProgress?.({ jobUuid, phase: 'sending', polls: 0, elapsedMs: 0 });
  let location: string;
  try {
    const res = await request<{ location?: string }>(req.method, req.path, {
      body: req.body,
      query: req.query,
      signal: opts.signal,
      headers: { 'X-Job-UUID': jobUuid },
    });
    if (res.status === 200) return res.data as T;
    location = locationPath(res.data.location) ?? jobPath(jobUuid);
  } catch (e) {
    if (isZStackError(e) && (e.code === ConsoleCode.network || e.code === ConsoleCode.malformed)) {
      return followJob<T>(jobPath(jobUuid), jobUuid, { ...opts, started, confirming: true });
    }
    throw isZStackError(e) ? e.withJob(jobUuid) : e;
  }
  return followJob<T>(location, jobUuid, { ...opts, started, confirming: false });
}

/** Goes on following a job that an earlier call gave up waiting for ("check again"). */
export function resumeJob<T>(jobUuid: string, opts: JobOptions = {}): Promise<T> {
  return followJob<T>(jobPath(jobUuid), jobUuid, { ...opts, started: performance.now(), confirming: false });
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
  /** The request's answer was lost: a 404 means ZStack never received it. */
  confirming: boolean;
}

async function followJob<T>(path: string, jobUuid: string, opts: FollowOptions): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? consoleConfig().jobTimeoutMs;
  let polls = 0;
  let notFound = 0;
  let networkFailures = 0;
  let seen = !opts.confirming;
  for (;;) {
    const elapsedMs = performance.now() - opts.started;
    if (elapsedMs > timeoutMs) throw stillRunning(jobUuid, elapsedMs, seen);
    opts.onProgress?.({ jobUuid, phase: seen ? 'running' : 'confirming', polls, elapsedMs });
    await sleep(pollDelay(polls, elapsedMs), opts.signal);
    polls += 1;
    try {
      const res = await request<T>('GET', path, { auth: false, signal: opts.signal });
      if (res.status === 200) return res.data;
      seen = true;
      notFound = 0;
      networkFailures = 0;
    } catch (e) {
      if (!isZStackError(e)) throw e;
      if (e.code === ConsoleCode.network && networkFailures < 5) {
        networkFailures += 1; // a blip while polling: the job goes on regardless
        continue;
      }
      if (e.status === 404 && !seen) {
        // Give ZStack a moment to register a job it may be receiving right now.
        notFound += 1;
        if (notFound < 3) continue;
        throw new ZStackError(
          {
            code: ConsoleCode.notReceived,
            description: 'The request did not reach ZStack',
            details: `The connection dropped before ZStack answered, and ZStack has no job ${jobUuid}: nothing was changed. It is safe to try again.`,
          },
          0,
          jobUuid,
        );
      }
      throw e.withJob(jobUuid);
    }
  }
}

function stillRunning(jobUuid: string, elapsedMs: number, seen: boolean): ZStackError {
  const seconds = Math.round(elapsedMs / 1000);
  return new ZStackError(
    {
      code: ConsoleCode.jobTimeout,
      description: 'Still running, not confirmed',
      details: seen
        ? `ZStack accepted the request but job ${jobUuid} has not finished after ${seconds} s. It may still complete: check the current state before trying again.`
        : `No answer from ZStack about job ${jobUuid} after ${seconds} s. Check the current state before trying again.`,
    },
    0,
    jobUuid,
  );
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
