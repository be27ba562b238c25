import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { asZStackError, isSessionError, isUnconfirmed, type BatchPosition, type ZStackError } from './errors';
import { callAsyncJob, resumeAsyncJob, type AsyncRequest, type JobDone, type JobProgress } from './jobs';
import { onSessionStarted } from './session';
import { beginUndoCapture, type UndoCapture } from './undo/capture';

/**
 * How a write ended, besides its result: which job, whether its answer had been lost on the way, and the
 * undo record it left (src/api/undo/records.ts) when it can be undone.
 */
export type JobOutcome = Omit<JobDone<unknown>, 'result'> & { undoId?: string };

export interface JobMutationOptions<TVars, TResult> {
  /**
   * The async ZStack API call these variables stand for, or several calls when one would be too large
   * (they run one after the other; the first failure stops the rest).
   */
  request: (vars: TVars) => AsyncRequest | readonly AsyncRequest[];
  /** Queries to refresh once the job has settled (success or failure: the server is the truth). */
  invalidates: (vars: TVars) => QueryKey[];
  /** Called with the result of the last call. */
  onSuccess?: (result: TResult, vars: TVars, outcome: JobOutcome) => void;
  /** Called after each call of several, with its result and position (0-based). */
  onCallDone?: (result: TResult, index: number, vars: TVars) => void;
  /** false: keep no undo record (the undo's own call). */
  undoable?: boolean;
}

/** Progress of a write: the job being followed and, for several calls, how many are done. */
export interface WriteProgress extends JobProgress {
  batch?: BatchPosition;
}

interface Run<TVars> {
  vars: TVars;
  /** Follow this job again instead of sending a new request (after "still running, not confirmed"). */
  resume?: string;
  /** The call to start from (the ones before it were done). */
  from?: number;
}

const asList = (r: AsyncRequest | readonly AsyncRequest[]): readonly AsyncRequest[] =>
  Array.isArray(r) ? r : [r as AsyncRequest];

/**
 * The one way the console writes to ZStack: async API calls followed to their end, with progress, the
 * error as a ZStackError (code, description, details; for several calls, which one failed), no automatic
 * retry, no double submission, and the queries they affect refreshed afterwards. Callers keep their form
 * values: nothing here resets them. A "session expired" error is cleared once the admin logs in again.
 */
export function useJobMutation<TVars, TResult = unknown>(options: JobMutationOptions<TVars, TResult>) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<WriteProgress>();
  const abortRef = useRef<AbortController | null>(null);
  // Set synchronously on submit: two clicks in the same frame must not send two requests.
  const inFlightRef = useRef(false);
  const undoRef = useRef<UndoCapture | undefined>(undefined);
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });

  // Stop polling when the page that started the job goes away.
  useEffect(() => () => abortRef.current?.abort(), []);

  const mutation = useMutation<JobDone<TResult> & { undoId?: string }, ZStackError, Run<TVars>>({
    mutationFn: async ({ vars, resume, from = 0 }) => {
      abortRef.current?.abort();
      const controller = new AbortController();
      abortRef.current = controller;
      const requests = asList(optionsRef.current.request(vars));
      const many = requests.length > 1;
      let last: JobDone<TResult> | undefined;
      let recovered = false;
      // An undoable write (src/api/undo/capture.ts) reads what its undo must restore before it is sent;
      // "check again" goes on with the same record.
      if (from === 0 && !resume)
        undoRef.current =
          optionsRef.current.undoable !== false ? beginUndoCapture(requests, controller.signal) : undefined;
      const undo = undoRef.current;
      try {
        if (undo) {
          // the read is part of sending, as the admin sees it
          setProgress({ jobUuid: '', phase: 'sending', polls: 0, elapsedMs: 0 });
          await undo.ready;
        }
        for (let i = from; i < requests.length; i += 1) {
          const batch = many ? { done: i, of: requests.length } : undefined;
          const jobOptions = {
            signal: controller.signal,
            onProgress: (p: JobProgress) => setProgress({ ...p, batch }),
          };
          try {
            last =
              resume && i === from
                ? await resumeAsyncJob<TResult>(resume, jobOptions)
                : await callAsyncJob<TResult>(requests[i]!, jobOptions);
          } catch (e) {
            const error = asZStackError(e);
            throw batch ? error.inBatch(batch) : error;
          }
          recovered ||= last.recovered;
          undo?.called(i, last.jobUuid, last.result);
          if (many) optionsRef.current.onCallDone?.(last.result, i, vars);
        }
        if (!last) throw asZStackError(new Error('nothing to send'));
        return { ...last, recovered, undoId: undo?.finish(optionsRef.current.invalidates(vars)) };
      } finally {
        inFlightRef.current = false;
        setProgress(undefined);
      }
    },
    onSuccess: ({ result, ...outcome }, { vars }) => optionsRef.current.onSuccess?.(result, vars, outcome),
    onSettled: async (_result, _error, { vars }) => {
      await Promise.all(
        optionsRef.current.invalidates(vars).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });

  const { mutate, reset, error, variables } = mutation;
  // Logged in again: "your session has expired" no longer holds (the form kept the values to resend).
  const errorRef = useRef(error);
  useEffect(() => {
    errorRef.current = error;
  });
  useEffect(
    () =>
      onSessionStarted(() => {
        if (isSessionError(errorRef.current)) reset();
      }),
    [reset],
  );

  const run = (next: Run<TVars>) => {
    if (inFlightRef.current) return;
    inFlightRef.current = true;
    mutate(next);
  };
  const unconfirmedJob = isUnconfirmed(error) ? error?.jobUuid : undefined;
  return {
    /** Sends the request, unless one is already running. */
    submit: (vars: TVars) => run({ vars }),
    /**
     * After "still running" or "not confirmed": keep following the same job rather than sending the write
     * again (a second send could do it twice), then go on with the calls after it.
     */
    checkAgain:
      unconfirmedJob && variables
        ? () => run({ vars: variables.vars, resume: unconfirmedJob, from: error?.batch?.done ?? 0 })
        : undefined,
    isPending: mutation.isPending,
    isSuccess: mutation.isSuccess,
    error,
    data: mutation.data?.result,
    progress,
    reset,
  };
}
