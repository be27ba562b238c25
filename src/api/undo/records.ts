import type { QueryKey } from '@tanstack/react-query';
import type { BackendUndo, MemberUndo } from './types';

/** What a successful write changed, for undoing it later in the session. */
export type UndoData = { kind: 'backends'; undo: BackendUndo } | { kind: 'members'; undo: MemberUndo };

export interface UndoRecord {
  /** Stable: the X-Job-UUID of the write's first call (the API log shows the same job id). */
  readonly id: string;
  /** When the write ended (ms since the epoch). */
  readonly at: number;
  /** The job of every call of the write, in order. */
  readonly jobUuids: readonly string[];
  readonly data: UndoData;
  /** The queries the write refreshed: its undo refreshes the same. */
  readonly invalidates: readonly QueryKey[];
  /** Set once an undo of it succeeded: the jobs of the undo. */
  readonly undoneBy?: readonly string[];
}

/** The records kept: the oldest go first. */
export const maxUndoRecords = 200;

/**
 * The undo records of this browser session, in memory only (a reload or a logout forgets them), newest
 * first. React reads them through `subscribe`/`getSnapshot` (a new array after every change).
 */
export class UndoStore {
  private records: readonly UndoRecord[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly max = maxUndoRecords) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly UndoRecord[] => this.records;

  add(record: UndoRecord): void {
    this.set([record, ...this.records.filter((r) => r.id !== record.id)].slice(0, this.max));
  }

  get(id: string): UndoRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  /** The record of the write one of whose calls ran as this job (an API log entry's job id). */
  byJob(jobUuid: string): UndoRecord | undefined {
    return this.records.find((r) => r.jobUuids.includes(jobUuid));
  }

  markUndone(id: string, jobUuids: readonly string[]): void {
    this.set(this.records.map((r) => (r.id === id ? { ...r, undoneBy: jobUuids } : r)));
  }

  clear(): void {
    if (this.records.length) this.set([]);
  }

  private set(records: readonly UndoRecord[]): void {
    this.records = records;
    for (const listener of this.listeners) listener();
  }
}

/** The console's one store of undo records. */
export const undoRecords = new UndoStore();
