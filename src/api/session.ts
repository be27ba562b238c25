/**
 * The one place that holds the ZStack session id: in memory, mirrored to sessionStorage so that a reload
 * of this tab keeps the admin logged in. Never localStorage, never a URL, never a log line.
 */
const storageKey = 'zstack-console.session';

let current: string | undefined = readStored();
const expiredListeners = new Set<() => void>();
const startedListeners = new Set<() => void>();

function readStored(): string | undefined {
  try {
    return globalThis.sessionStorage?.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

export function getSessionId(): string | undefined {
  return current;
}

export function setSessionId(uuid: string | undefined): void {
  const started = !!uuid && uuid !== current;
  current = uuid;
  try {
    if (uuid) sessionStorage.setItem(storageKey, uuid);
    else sessionStorage.removeItem(storageKey);
  } catch {
    // storage may be unavailable (private mode); memory is enough
  }
  if (started) for (const listener of startedListeners) listener();
}

/** Called whenever a new session is set: after a login, and after a re-login. */
export function onSessionStarted(listener: () => void): () => void {
  startedListeners.add(listener);
  return () => startedListeners.delete(listener);
}

/** Called by the HTTP client whenever ZStack answers ID.1001, wherever the call came from. */
export function reportSessionExpired(): void {
  for (const listener of expiredListeners) listener();
}

export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}
