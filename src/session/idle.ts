import { useEffect, useState } from 'react';
import { consoleConfig } from '../lib/config';
import { getSessionId } from '../api/session';
import { endServerSessions } from './api';
import { takeFirstSessionId } from './firstSession';
import { expireSession, getSessionState } from './store';

const inputEvents = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

export interface IdleState {
  /** Milliseconds left before the idle logout, while the warning is due; undefined otherwise. */
  warningMsLeft?: number;
  /** Counts the idle period anew (the "Stay signed in" button). */
  stayActive: () => void;
}

/**
 * Idle time measured from the user's own input (ZStack counts every API call, background polling
 * included, as activity, so its sliding expiry cannot tell an absent admin from a busy page). After the
 * idle timeout, or the absolute cap, the session is logged out on the server and the re-login dialog
 * covers the page: what was typed stays.
 */
export function useIdleLogout(active: boolean): IdleState {
  const [lastInput, setLastInput] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());

  // Input is tracked even while logged out, so the typing of a re-login counts as activity.
  useEffect(() => {
    let last = Date.now();
    const onInput = () => {
      const t = Date.now();
      // one state update a second is plenty
      if (t - last > 1000) {
        last = t;
        setLastInput(t);
      }
    };
    for (const e of inputEvents) window.addEventListener(e, onInput, { capture: true, passive: true });
    return () => {
      for (const e of inputEvents) window.removeEventListener(e, onInput, { capture: true });
    };
  }, []);

  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);

  const { idleTimeoutMs, idleWarningMs, absoluteTimeoutMs } = consoleConfig();
  const loggedInAt = getSessionState().identity?.loggedInAt ?? now;
  const idleLeft = Math.max(lastInput, loggedInAt) + idleTimeoutMs - now;
  const absoluteLeft = loggedInAt + absoluteTimeoutMs - now;

  useEffect(() => {
    if (!active) return;
    if (absoluteLeft <= 0) void endBecause('absolute');
    else if (idleLeft <= 0) void endBecause('idle');
  }, [active, idleLeft, absoluteLeft]);

  return {
    warningMsLeft: active && idleLeft > 0 && idleLeft <= idleWarningMs ? idleLeft : undefined,
    stayActive: () => setLastInput(Date.now()),
  };
}

/** Both sessions of a virtual ID in a project end, as on "Log out"; the identity stays for the re-login. */
async function endBecause(reason: 'idle' | 'absolute'): Promise<void> {
  const sessions = [getSessionId(), takeFirstSessionId()];
  expireSession(reason);
  await endServerSessions(sessions);
}
