import type { EntryOutcome, JobEnd } from './types';

/** How a logged call's job stands, as the API log panel says it. */
export const jobEndLabels: Record<JobEnd, string> = {
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  stillRunning: 'Still running, not confirmed',
  notConfirmed: 'Not confirmed',
  notReceived: 'Never received',
};

/** Said beside a job that ended after its answer was lost ("settled after a lost answer"). */
export const afterLostAnswerLabel = 'Settled by its job id after a lost answer';

export const outcomeLabels: Record<EntryOutcome, string> = {
  pending: 'In progress',
  ok: 'Succeeded',
  failed: 'Failed',
  unknown: 'Outcome unknown',
};

/** Where a body was cut to a preview. */
export const truncatedLabel = (size: number) =>
  `Cut to a preview: ${size.toLocaleString('en')} characters in all, too large to keep with the rest of the log`;
