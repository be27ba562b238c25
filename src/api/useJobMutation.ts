import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { asZStackError, isUnconfirmed, type ZStackError } from './errors';
import { callAsyncJob, resumeAsyncJob, type AsyncRequest, type JobDone, type JobProgress } from './jobs';

/** How a write ended, besides its result: which job, and whether its answer had been lost on the way. */
export type JobOutcome = Omit<JobDone<unknown>, 'result'>;

export interface JobMutationOptions<TVars, TResult> {
  /** The async ZStack API call these variables stand for. */
  request: (vars: TVars) => AsyncRequest;
  /** Queries to refresh once the job has settled (success or failure: the server is the truth). */
  invalidates: (vars: TVars) => QueryKey[];
  onSuccess?: (result: TResult, vars: TVars, outcome: JobOutcome) => void;
}

interface Run<TVars> {
  vars: TVars;
  /** Follow this job again instead of sending a new request (after "still running, not confirmed"). */
  resume?: string;
}

/**
 * The one way the console writes to ZStack: an async API call followed to its end, with progress, the
 * error as a ZStackError (code, description, details), no automatic retry, no double submission, and the
 * queries it affects refreshed afterwards. Callers keep their form values: nothing here resets them.
 */
export function useJobMutation<TVars, TResult = unknown>(options: JobMutationOptions<TVars, TResult>) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<JobProgress>();
  const abortRef = useRef<AbortController | null>(null);
  // Set synchronously on submit: two clicks in the same frame must not send two requests.
  const inFlightRef = useRef(false);
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });

  // Stop polling when the page that started the job goes away.
  useEffect(() => () => abortRef.current?.abort(), []);

  const mutation = useMutation<JobDone<TResult>, ZStackError, Run<TVars>>({
    mutationFn: async ({ vars, resume }) => {
      abortRef.current?.abort();
      const controller = new AbortController();
      abortRef.current = controller;
      const jobOptions = { signal: controller.signal, onProgress: setProgress };
      try {
        return resume
          ? await resumeAsyncJob<TResult>(resume, jobOptions)
          : await callAsyncJob<TResult>(optionsRef.current.request(vars), jobOptions);
      } catch (e) {
        throw asZStackError(e);
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
     * again (a second send could do it twice).
     */
    checkAgain:
      unconfirmedJob && variables ? () => run({ vars: variables.vars, resume: unconfirmedJob }) : undefined,
    isPending: mutation.isPending,
    isSuccess: mutation.isSuccess,
    error,
    data: mutation.data?.result,
    progress,
    reset,
  };
}
