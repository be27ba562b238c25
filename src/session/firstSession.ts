/**
 * A virtual ID's own session, the one LoginIAM2VirtualID opens before LoginIAM2Project: the console has
 * no more use for it once in a project, yet ZStack keeps it valid (and it can open new project
 * sessions) until it times out. So its id is kept only to end it with the project session, under the
 * rules of the session id itself (src/api/session.ts): in memory, mirrored to sessionStorage so that a
 * reload can still end it; never localStorage, a URL or a log line.
 */
import { sessionSlot } from '../lib/sessionSlot';

const slot = sessionSlot('zstack-console.first-session');

export function setFirstSessionId(uuid: string | undefined): void {
  slot.set(uuid);
}

/** The first session's id, still held here (the API log masks it). */
export function peekFirstSessionId(): string | undefined {
  return slot.get();
}

/** The first session's id, forgotten here: whoever takes it ends it on the server. */
export function takeFirstSessionId(): string | undefined {
  const uuid = slot.get();
  if (uuid) slot.set(undefined);
  return uuid;
}
