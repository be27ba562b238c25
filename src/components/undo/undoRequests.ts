import { useSyncExternalStore } from 'react';

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
