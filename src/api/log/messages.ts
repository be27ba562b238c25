import type { ApiLogKey } from '../../i18n/keys';
import type { EntryOutcome, JobEnd } from './types';

/**
 * How the API log panel says a logged call's state: keys of the `apilog` catalogue part
 * (src/i18n/locales/<locale>/apilog.json), translated where they render.
 */
export const jobEndLabels: Record<JobEnd, ApiLogKey> = {
  running: 'apiLog.job.running',
  done: 'apiLog.job.done',
  failed: 'apiLog.job.failed',
  stillRunning: 'apiLog.job.stillRunning',
  notConfirmed: 'apiLog.job.notConfirmed',
  notReceived: 'apiLog.job.notReceived',
};

/** Said beside a job that ended after its answer was lost ("settled after a lost answer"). */
export const afterLostAnswerLabel: ApiLogKey = 'apiLog.job.afterLostAnswer';

export const outcomeLabels: Record<EntryOutcome, ApiLogKey> = {
  pending: 'apiLog.outcome.pending',
  ok: 'apiLog.outcome.ok',
  failed: 'apiLog.outcome.failed',
  unknown: 'apiLog.outcome.unknown',
};

/** Where a body was cut to a preview (`size`: its characters in all). */
export const truncatedLabel: ApiLogKey = 'apiLog.truncated';
