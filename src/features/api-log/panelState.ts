import { useSyncExternalStore } from 'react';

/**
 * Whether the API log panel is open and which entry it shows: the header button, the keyboard shortcut
 * and each inline error's link (ZStackErrorAlert) open it here. `focus` changes on every request to show
 * an entry, so that asking for the same one again scrolls to it again.
 */
export interface PanelState {
  opened: boolean;
  focus?: { entry: number; request: number };
}

/**
 * Alt+Shift+L: no default of Chrome, Firefox or Safari on a page (Ctrl+L, Ctrl+Shift+L and Cmd+L are
 * theirs), nor one of Mantine's (mod+K, Escape). Matched by the key's position (`code`), so that it
 * works in every keyboard layout and with macOS's Option characters.
 */
export const shortcut = { label: 'Alt+Shift+L', code: 'KeyL' } as const;

export function isShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === shortcut.code;
}

let state: PanelState = { opened: false };
let requests = 0;
const listeners = new Set<() => void>();

function set(next: PanelState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Opens the panel, at `entry` (a log entry id) when given. */
export function openApiLog(entry?: number): void {
  set({ opened: true, focus: entry === undefined ? state.focus : { entry, request: ++requests } });
}

export function closeApiLog(): void {
  set({ ...state, opened: false });
}

export function toggleApiLog(): void {
  if (state.opened) closeApiLog();
  else openApiLog();
}

export function useApiLogPanel(): PanelState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
