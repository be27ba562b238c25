import { useSyncExternalStore } from 'react';
import { undoRecords, type UndoRecord } from '../../api/undo/records';

/**
 * Which undo record the admin asked to undo (from a notification's "Undo", or later from the API log):
 * the app shell's UndoHost (UndoHost.tsx) opens its dialog.
 */
let requested: string | undefined;
const listeners = new Set<() => void>();

export function requestUndo(recordId: string | undefined): void {
  requested = recordId;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useRequestedUndo(): string | undefined {
  return useSyncExternalStore(subscribe, () => requested);
}

/**
 * The undo record of the write one of whose calls ran as this job (an API log entry's job id), kept up
 * to date: what the API log shows next to an entry, with `requestUndo(record.id)` behind its button.
 */
export function useUndoRecordOfJob(jobUuid: string | undefined): UndoRecord | undefined {
  return useSyncExternalStore(undoRecords.subscribe, () =>
    jobUuid === undefined ? undefined : undoRecords.byJob(jobUuid),
  );
}
