import { useSyncExternalStore } from 'react';
import { getSessionId, onSessionExpired, setSessionId } from '../api/session';
import { setFirstSessionId } from './firstSession';

/** Who is logged in. Holds no secret: the session id itself stays in api/session.ts. */
export interface Identity {
  kind: 'account' | 'virtualId';
  name: string;
  accountUuid?: string;
  /** SystemAdmin or Normal for accounts. */
  accountType?: string;
  virtualIdUuid?: string;
  projectUuid?: string;
  projectName?: string;
  /** IAM2 role attributes of a virtual ID (__PlatformAdmin__, __ProjectAdmin__, ...). */
  attributes?: { name: string; value?: string | null }[];
  loggedInAt: number;
}

export type SessionStatus = 'anonymous' | 'active' | 'expired';

export interface SessionState {
  status: SessionStatus;
  identity?: Identity;
  /** Why the session ended, shown in the re-login dialog. */
  expiredReason?: 'server' | 'idle' | 'absolute';
  /** Bumped when another identity logs in: pages keyed on it drop their drafts. */
  workspace: number;
}

const identityKey = 'zstack-console.identity';
const listeners = new Set<() => void>();
let state: SessionState = initialState();

function initialState(): SessionState {
  const identity = readIdentity();
  return getSessionId() && identity
    ? { status: 'active', identity, workspace: 0 }
    : { status: 'anonymous', workspace: 0 };
}

function readIdentity(): Identity | undefined {
  try {
    const raw = globalThis.sessionStorage?.getItem(identityKey);
    return raw ? (JSON.parse(raw) as Identity) : undefined;
  } catch {
    return undefined;
  }
}

function writeIdentity(identity: Identity | undefined): void {
  try {
    if (identity) sessionStorage.setItem(identityKey, JSON.stringify(identity));
    else sessionStorage.removeItem(identityKey);
  } catch {
    // memory is enough
  }
}

function update(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getSessionState(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSessionState(): SessionState {
  return useSyncExternalStore(subscribeSession, getSessionState, getSessionState);
}

export function sameIdentity(a: Identity | undefined, b: Identity | undefined): boolean {
  return (
    !!a && !!b && a.kind === b.kind && a.name === b.name && (a.projectUuid ?? '') === (b.projectUuid ?? '')
  );
}

/**
 * A login succeeded. `firstSessionUuid` is the virtual ID's own session when it then logged in to a
 * project (ended at logout too). Returns whether this is the identity that was logged in before (drafts
 * survive).
 */
export function startSession(
  sessionUuid: string,
  identity: Identity,
  firstSessionUuid?: string,
): { sameAsBefore: boolean } {
  const sameAsBefore = sameIdentity(state.identity, identity);
  setSessionId(sessionUuid);
  setFirstSessionId(firstSessionUuid);
  writeIdentity(identity);
  update({ status: 'active', identity, workspace: sameAsBefore ? state.workspace : state.workspace + 1 });
  return { sameAsBefore };
}

/** The session ended without the user asking: keep the identity (and every draft) for the re-login. */
export function expireSession(reason: SessionState['expiredReason'] = 'server'): void {
  if (state.status !== 'active') return;
  setSessionId(undefined);
  update({ ...state, status: 'expired', expiredReason: reason });
}

/** The user logged out (here or in another tab): forget everything. */
export function endSession(): void {
  setSessionId(undefined);
  setFirstSessionId(undefined);
  writeIdentity(undefined);
  update({ status: 'anonymous', workspace: state.workspace + 1 });
}

onSessionExpired(() => expireSession('server'));
