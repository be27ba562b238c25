/**
 * The one place that holds the ZStack session id: in memory, mirrored to sessionStorage so that a reload
 * of this tab keeps the admin logged in. Never localStorage, never a URL, never a log line.
 */
import { sessionSlot } from '../lib/sessionSlot';

const slot = sessionSlot('zstack-console.session');
const expiredListeners = new Set<() => void>();

export function getSessionId(): string | undefined {
  return slot.get();
}

export function setSessionId(uuid: string | undefined): void {
  slot.set(uuid);
}

/** Called by the HTTP client whenever ZStack answers ID.1001, wherever the call came from. */
export function reportSessionExpired(): void {
  for (const listener of expiredListeners) listener();
}

export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}
