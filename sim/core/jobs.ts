/**
 * Async API jobs as ZStack keeps them (rest/src/main/java/org/zstack/rest/MysqlAsyncRestStore.java): a row
 * per job (AsyncRestVO) in state processing or done; a scan every `expiredApi.scanInterval` (3600 s) deletes
 * the done rows created more than `completedApi.expiredPeriod` (10800 s) ago, so a finished job answers for
 * 3 to 4 hours after it was submitted, and a processing one never expires. Results also sit in an LRU cache
 * of the last 2000 (RestServer.maxCachedApiResults), which a poll reads first: a deleted job that is still
 * cached keeps answering. The rows live in the database, so any management node answers a poll.
 */
import type { ZStackErrorBody } from './errors.ts';

export interface JobOutcome {
  status: 200 | 503;
  body: unknown;
}

interface Job {
  uuid: string;
  createdAt: number;
  outcome?: JobOutcome;
}

/** conf/globalConfig/rest.xml and RestGlobalProperty defaults. */
export const JOB_STORE_DEFAULTS = {
  expiredPeriodMs: 10800 * 1000,
  scanIntervalMs: 3600 * 1000,
  maxCachedResults: 2000,
};

export interface JobStoreOptions {
  expiredPeriodMs: number;
  scanIntervalMs: number;
  maxCachedResults: number;
  /** The clock (tests pass their own). */
  now: () => number;
}

export interface SubmitOptions {
  durationMs: number;
  /** Jobs with the same key (a load balancer, an IAM2 group) are applied one at a time, in submission order. */
  serialKey?: string;
  /** Checks and state change, done atomically when the job's time has come. */
  run: () => JobOutcome;
  /** Fault injection: the job fails with this error and changes nothing. */
  forcedError?: ZStackErrorBody;
  /** Fault injection: the job never finishes and changes nothing. */
  hang?: boolean;
}

function safeRun(run: () => JobOutcome): JobOutcome {
  try {
    return run();
  } catch (e) {
    const details = e instanceof Error ? e.message : String(e);
    return {
      status: 503,
      body: { error: { code: 'SYS.1000', description: 'An internal error happened in system', details } },
    };
  }
}

export class Jobs {
  /** AsyncRestVO rows, in creation order. */
  private readonly rows = new Map<string, Job>();
  /** The LRU cache of results (a Map keeps insertion order: re-inserting moves a key to the end). */
  private readonly cache = new Map<string, JobOutcome>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly opts: JobStoreOptions;
  private scanTimer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(opts: Partial<JobStoreOptions> = {}) {
    this.opts = { ...JOB_STORE_DEFAULTS, now: Date.now, ...opts };
  }

  /** Whether the database has a row for the id (RestServer's "Duplicate job uuid" check). */
  has(uuid: string): boolean {
    return this.rows.has(uuid);
  }

  /** MysqlAsyncRestStore.query: undefined when expired (or unknown); a job without outcome is still running. */
  get(uuid: string): { outcome?: JobOutcome } | undefined {
    const cached = this.cache.get(uuid);
    if (cached) {
      this.remember(uuid, cached);
      return { outcome: cached };
    }
    const job = this.rows.get(uuid);
    if (job?.outcome) this.remember(uuid, job.outcome);
    return job;
  }

  submit(uuid: string, opts: SubmitOptions): void {
    this.ensureScan();
    const job: Job = { uuid, createdAt: this.opts.now() };
    this.rows.set(uuid, job);
    if (opts.hang) return;

    const gen = this.generation;
    const delay = new Promise<void>((resolve) => {
      const t = setTimeout(
        () => {
          this.timers.delete(t);
          resolve();
        },
        Math.max(0, opts.durationMs),
      );
      this.timers.add(t);
    });
    const key = opts.serialKey;
    const prev = key ? this.queues.get(key) : undefined;
    const done = (prev ? Promise.all([prev, delay]) : delay).then(() => {
      if (gen !== this.generation) return;
      job.outcome = opts.forcedError ? { status: 503, body: { error: opts.forcedError } } : safeRun(opts.run);
      this.remember(uuid, job.outcome);
    });
    if (key) {
      this.queues.set(key, done);
      void done.finally(() => {
        if (this.queues.get(key) === done) this.queues.delete(key);
      });
    }
  }

  /** The periodic cleanup: deletes the done rows created before now - expiredPeriod (the cache stays). */
  scan(): number {
    const before = this.opts.now() - this.opts.expiredPeriodMs;
    let deleted = 0;
    for (const [uuid, job] of this.rows) {
      if (job.outcome && job.createdAt < before) {
        this.rows.delete(uuid);
        deleted++;
      }
    }
    return deleted;
  }

  /** Forgets every job and cancels the pending ones (their changes never happen). */
  reset(): void {
    this.generation++;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.rows.clear();
    this.cache.clear();
    this.queues.clear();
    if (this.scanTimer) clearInterval(this.scanTimer);
    this.scanTimer = undefined;
  }

  private remember(uuid: string, outcome: JobOutcome): void {
    this.cache.delete(uuid);
    this.cache.set(uuid, outcome);
    if (this.cache.size > this.opts.maxCachedResults) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }

  private ensureScan(): void {
    if (this.scanTimer) return;
    this.scanTimer = setInterval(() => this.scan(), this.opts.scanIntervalMs);
    this.scanTimer.unref();
  }
}
