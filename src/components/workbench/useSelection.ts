import { useState } from 'react';

/**
 * The rows chosen in a members table, across pages: either these rows, or every row matching a filter
 * ("select all N matching") except some taken out again.
 */
export type Selection<T> =
  | { kind: 'rows'; rows: ReadonlyMap<string, T> }
  | { kind: 'matching'; filter: string; total: number; except: ReadonlySet<string> };

const none = <T>(): Selection<T> => ({ kind: 'rows', rows: new Map() });

export interface SelectionState<T> {
  selection: Selection<T>;
  count: number;
  isSelected: (key: string) => boolean;
  toggle: (rows: readonly T[], selected: boolean) => void;
  /** Every row that matches `filter` (`total` of them). */
  selectMatching: (filter: string, total: number) => void;
  clear: () => void;
  /** Takes rows out of the selection (they were removed from the group). */
  forget: (keys: Iterable<string>) => void;
}

/** The selection of a members table. A "matching" selection holds for its filter only. */
export function useSelection<T>(keyOf: (row: T) => string, filter: string): SelectionState<T> {
  const [state, setState] = useState<Selection<T>>(none);
  const selection = state.kind === 'matching' && state.filter !== filter ? none<T>() : state;
  const isSelected = (key: string) =>
    selection.kind === 'rows' ? selection.rows.has(key) : !selection.except.has(key);
  return {
    selection,
    count:
      selection.kind === 'rows' ? selection.rows.size : Math.max(0, selection.total - selection.except.size),
    isSelected,
    toggle: (rows, selected) =>
      setState(() => {
        if (selection.kind === 'matching') {
          const except = new Set(selection.except);
          for (const row of rows) {
            if (selected) except.delete(keyOf(row));
            else except.add(keyOf(row));
          }
          return { ...selection, except };
        }
        const next = new Map(selection.rows);
        for (const row of rows) {
          if (selected) next.set(keyOf(row), row);
          else next.delete(keyOf(row));
        }
        return { kind: 'rows', rows: next };
      }),
    selectMatching: (matching, total) =>
      setState({ kind: 'matching', filter: matching, total, except: new Set() }),
    clear: () => setState(none),
    forget: (keys) =>
      setState(() => {
        if (selection.kind === 'matching') return none();
        const next = new Map(selection.rows);
        for (const key of keys) next.delete(key);
        return { kind: 'rows', rows: next };
      }),
  };
}
