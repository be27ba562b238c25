/**
 * A string kept in memory and mirrored to sessionStorage under `key`, so that a reload of the tab finds
 * it again; never localStorage. Storage may be unavailable (private mode): memory is enough then.
 */
export function sessionSlot(key: string): {
  get(): string | undefined;
  set(value: string | undefined): void;
} {
  let current: string | undefined;
  try {
    current = globalThis.sessionStorage?.getItem(key) ?? undefined;
  } catch {
    current = undefined;
  }
  return {
    get: () => current,
    set(value) {
      current = value;
      try {
        if (value) sessionStorage.setItem(key, value);
        else sessionStorage.removeItem(key);
      } catch {
        // memory is enough
      }
    },
  };
}
