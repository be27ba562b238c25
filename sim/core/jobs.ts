import type { ZStackErrorBody } from './errors.ts';

export interface JobOutcome {
  status: 200 | 503;
  body: unknown;
}

interface Job {
  uuid: string;
  createdAt: number;
  outcome?: JobOutcome;
  doneAt?: number;
}

/** ZStack keeps finished jobs for 3 hours; after that (or for an unknown id) the poll is a 404. */
const KEEP_MS = 3 * 60 * 60 * 1000;

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
  private readonly jobs = new Map<string, Job>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private generation = 0;

  has(uuid: string): boolean {
    return this.get(uuid) !== undefined;
  }

  /** undefined: unknown or expired; a job without outcome is still running. */
  get(uuid: string): { outcome?: JobOutcome } | undefined {
    const job = this.jobs.get(uuid);
    if (job?.doneAt !== undefined && Date.now() - job.doneAt > KEEP_MS) {
      this.jobs.delete(uuid);
      return undefined;
    }
    return job;
  }

  submit(uuid: string, opts: SubmitOptions): void {
    const job: Job = { uuid, createdAt: Date.now() };
    this.jobs.set(uuid, job);
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
      job.doneAt = Date.now();
    });
    if (key) {
      this.queues.set(key, done);
      void done.finally(() => {
        if (this.queues.get(key) === done) this.queues.delete(key);
      });
    }
  }

  /** Forgets every job and cancels the pending ones (their changes never happen). */
  reset(): void {
    this.generation++;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.jobs.clear();
    this.queues.clear();
  }
}
