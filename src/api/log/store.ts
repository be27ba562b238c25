// Over 250 lines on purpose: the log's store is one state machine (entries, their job updates, the byte
// budget of their bodies, masking on the way in); masking, bodies and API names are in their own files.
import { ConsoleCode, type ZStackErrorBody } from '../errors';
import { matchApi } from './apiNames';
import { BodyBudget } from './bodies';
import { Masker } from './mask';
import type { ApiLogEntry, CallStart, JobEnd } from './types';

export interface ApiLogOptions {
  /** Entries kept: the oldest go first. */
  maxEntries: number;
  /**
   * Characters of bodies kept whole, over all entries (one byte each for the ASCII of ZStack's JSON). Past
   * it, the oldest bodies are cut to a preview: a 5 MB add is kept whole while it is recent, never 500 times.
   */
  wholeBodyBudget: number;
  /** What is left of a body past the budget. */
  previewChars: number;
  /** Wall clock (the entry's time) and a monotonic clock (its duration). */
  now: () => number;
  monotonic: () => number;
}

export const defaultLogOptions: ApiLogOptions = {
  maxEntries: 500,
  wholeBodyBudget: 6_000_000,
  previewChars: 1_000,
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

/** An error as the API layer has it (a ZStackError): its body, the HTTP status and the job it belongs to. */
export interface LoggedFailure extends ZStackErrorBody {
  status: number;
  jobUuid?: string;
}

const jobEndOf = (code: string): JobEnd => {
  if (code === ConsoleCode.jobTimeout) return 'stillRunning';
  if (code === ConsoleCode.notConfirmed) return 'notConfirmed';
  if (code === ConsoleCode.notReceived) return 'notReceived';
  return 'failed';
};

interface Live {
  started: number;
  returnsSession: boolean;
}

/**
 * Every ZStack call of this browser session, newest first, in memory only. The API layer reports each
 * call's steps (begin, answered, polled, done, failed); React reads it through `subscribe` and
 * `getSnapshot` (useSyncExternalStore: the snapshot is a new array after every change, the same one
 * otherwise). Nothing a session or a password could be read from is kept (see mask.ts). The API layer
 * (client.ts, jobs.ts) reports to it through wire.ts; the panel is src/features/api-log.
 */
export class ApiLogStore {
  private entries: readonly ApiLogEntry[] = [];
  private readonly live = new Map<number, Live>();
  private readonly listeners = new Set<() => void>();
  private readonly masker = new Masker();
  private nextId = 1;
  private readonly bodies: BodyBudget;
  readonly options: ApiLogOptions;

  constructor(options: Partial<ApiLogOptions> = {}) {
    this.options = { ...defaultLogOptions, ...options };
    this.bodies = new BodyBudget(this.options.wholeBodyBudget, this.options.previewChars);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly ApiLogEntry[] => this.entries;

  get(id: number): ApiLogEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /** The entry of a job: "Check again" follows a job an earlier entry started. */
  findByJob(jobUuid: string): ApiLogEntry | undefined {
    return this.entries.find((e) => e.job?.uuid === jobUuid);
  }

  /** Characters of bodies kept whole (what the budget bounds). */
  get bodyChars(): number {
    return this.bodies.wholeChars;
  }

  /** A call is sent. Returns its entry's id, for the steps that follow. */
  begin(call: CallStart): number {
    const [rawPath = '', rawQuery = ''] = splitUrl(call.url);
    const match = matchApi(call.method, rawPath);
    this.masker.learnHeader(call.authorization);
    const spec = match?.spec;
    const id = this.nextId++;
    const entry: ApiLogEntry = {
      id,
      at: this.options.now(),
      apiName: spec?.name,
      method: call.method.toUpperCase(),
      path: this.masker.path(call.method, rawPath),
      query: this.masker.query(rawQuery),
      write: spec ? spec.write : call.method.toUpperCase() !== 'GET',
      outcome: 'pending',
      job: call.jobUuid
        ? { uuid: call.jobUuid, end: 'running', afterLostAnswer: false, polls: 0 }
        : undefined,
      request: call.body === undefined ? undefined : this.bodies.keep(this.masker.json(call.body), false),
    };
    this.live.set(id, { started: this.options.monotonic(), returnsSession: spec?.returnsSession ?? false });
    this.entries = [entry, ...this.entries];
    this.evict();
    this.commit();
    return id;
  }

  /**
   * The answer to the request itself: 200 ends a call (sync, or an async API answered at once), 202 means
   * ZStack took the job and the console now polls it.
   */
  answered(id: number, status: number, body: unknown): void {
    if (status === 202) {
      this.update(id, (e) => ({ ...e, status, job: e.job && { ...e.job, end: 'running' } }));
      this.commit();
      return;
    }
    this.settle(id, status, body, (e) => ({ ...e, outcome: 'ok', job: e.job && { ...e.job, end: 'done' } }));
  }

  /** One more poll of the entry's job. */
  polled(id: number): void {
    this.update(id, (e) => ({ ...e, job: e.job && { ...e.job, polls: e.job.polls + 1 } }));
    this.commit();
  }

  /** The job finished: its result. `afterLostAnswer` when the console learnt it by polling after a lost answer. */
  jobDone(id: number, result: unknown, afterLostAnswer = false): void {
    this.settle(id, 200, result, (e) => ({
      ...e,
      outcome: 'ok',
      job: e.job && { ...e.job, end: 'done', afterLostAnswer: afterLostAnswer || e.job.afterLostAnswer },
    }));
  }

  /** The answer to the request was lost; what happened now comes from polling the job. */
  answerLost(id: number): void {
    this.update(id, (e) => ({ ...e, job: e.job && { ...e.job, afterLostAnswer: true } }));
    this.commit();
  }

  /** The call or its job failed, or the console stopped waiting (still running / not confirmed). */
  failed(id: number, error: LoggedFailure): void {
    const end = jobEndOf(error.code);
    const outcome = end === 'stillRunning' || end === 'notConfirmed' ? 'unknown' : 'failed';
    const { status, jobUuid: _job, ...body } = error;
    this.settle(id, status, undefined, (e) => ({
      ...e,
      outcome,
      error: this.maskError(body),
      job: e.job && { ...e.job, end },
    }));
  }

  /** "Check again": the console follows the job of an earlier entry again. Returns that entry's id. */
  resume(jobUuid: string): number | undefined {
    const entry = this.findByJob(jobUuid);
    if (!entry) return undefined;
    this.live.set(entry.id, {
      started: this.options.monotonic() - (entry.durationMs ?? 0),
      returnsSession: matchApi(entry.method, entry.path)?.spec.returnsSession ?? false,
    });
    this.update(entry.id, (e) => ({
      ...e,
      outcome: 'pending',
      error: undefined,
      job: e.job && { ...e.job, end: 'running' },
    }));
    this.commit();
    return entry.id;
  }

  /**
   * A session id the console holds (after a login, or restored from sessionStorage), masked from now on
   * wherever it appears; the log also learns every id it sees in an Authorization header or a login answer.
   */
  knowSession(uuid: string | undefined): void {
    this.masker.learn(uuid);
  }

  /** Log out: every entry and every session id learnt are forgotten. */
  clear(): void {
    this.entries = [];
    this.live.clear();
    this.masker.forget();
    this.bodies.clear();
    this.emit();
  }

  private settle(id: number, status: number, body: unknown, change: (e: ApiLogEntry) => ApiLogEntry): void {
    const live = this.live.get(id);
    if (!live) return;
    this.live.delete(id);
    this.masker.learnFromAnswer(live.returnsSession, body);
    const durationMs = Math.max(0, Math.round(this.options.monotonic() - live.started));
    const response =
      body === undefined ? undefined : this.bodies.keep(...this.answerText(body, live.returnsSession));
    this.update(id, (e) => {
      this.bodies.release(e.response);
      return change({ ...e, status, durationMs, response });
    });
    this.commit();
  }

  private answerText(body: unknown, returnsSession: boolean): [string, boolean] {
    if (typeof body === 'string') return [this.masker.text(body), true];
    return [this.masker.json(body, returnsSession), false];
  }

  private maskError(error: ZStackErrorBody): ZStackErrorBody {
    return JSON.parse(this.masker.json(error)) as ZStackErrorBody;
  }

  private evict(): void {
    const { maxEntries } = this.options;
    if (this.entries.length > maxEntries) {
      for (const gone of this.entries.slice(maxEntries)) {
        this.live.delete(gone.id);
        this.bodies.release(gone.request);
        this.bodies.release(gone.response);
      }
      this.entries = this.entries.slice(0, maxEntries);
    }
  }

  private update(id: number, change: (e: ApiLogEntry) => ApiLogEntry): void {
    const i = this.entries.findIndex((e) => e.id === id);
    if (i < 0) return;
    const entries = [...this.entries];
    entries[i] = change(entries[i]!);
    this.entries = entries;
  }

  /** Publishes a change: bodies back within the budget, then a new snapshot for the listeners. */
  private commit(): void {
    this.entries = this.bodies.trim(this.entries);
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at + 1)];
}

/** The console's one log, for this browser tab. */
export const apiLog = new ApiLogStore();
