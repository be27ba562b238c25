/**
 * A virtual ID's own session, the one LoginIAM2VirtualID opens before LoginIAM2Project: the console has
 * no more use for it once in a project, yet ZStack keeps it valid (and it can open new project
 * sessions) until it times out. So its id is kept only to end it with the project session, under the
 * rules of the session id itself (src/api/session.ts): in memory, mirrored to sessionStorage so that a
 * reload can still end it; never localStorage, a URL or a log line.
 */
const storageKey = 'zstack-console.first-session';

let current: string | undefined = readStored();

function readStored(): string | undefined {
  try {
    return globalThis.sessionStorage?.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

export function setFirstSessionId(uuid: string | undefined): void {
  current = uuid;
  try {
    if (uuid) sessionStorage.setItem(storageKey, uuid);
    else sessionStorage.removeItem(storageKey);
  } catch {
    // storage may be unavailable (private mode); memory is enough
  }
}

/** The first session's id, forgotten here: whoever takes it ends it on the server. */
export function takeFirstSessionId(): string | undefined {
  const uuid = current;
  if (uuid) setFirstSessionId(undefined);
  return uuid;
}
