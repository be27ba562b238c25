import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { zstack } from '../api/client';
import { fakeFetch, json } from '../test/fakeFetch';
import { logOut } from './api';
import { useIdleLogout } from './idle';
import { endSession, getSessionState, startSession, type Identity } from './store';

const projectSession = 'a'.repeat(32);
const firstSession = 'b'.repeat(32);
const opsAdmin = (): Identity => ({
  kind: 'virtualId',
  name: 'ops-admin',
  projectName: 'ops',
  projectUuid: 'c'.repeat(32),
  loggedInAt: Date.now(),
});

/** The sessions the console asked ZStack to end (LogOut: DELETE /accounts/sessions/{uuid}). */
function loggedOut() {
  const { calls } = fakeFetch((call) =>
    call.method === 'GET'
      ? json(503, { error: { code: 'ID.1001', description: 'Session expired', details: 'Session expired' } })
      : json(200, {}),
  );
  return () =>
    calls
      .filter((c) => c.method === 'DELETE')
      .map((c) => /\/accounts\/sessions\/([0-9a-f]{32})$/.exec(c.url)?.[1])
      .sort();
}

beforeEach(() => {
  startSession(projectSession, opsAdmin(), firstSession);
});
afterEach(() => {
  endSession();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  delete window.__ZSTACK_CONSOLE_CONFIG__;
});

describe('every session a virtual ID in a project opened ends', () => {
  it('keeps the first session id in memory and sessionStorage only, never localStorage', () => {
    expect(Object.values({ ...sessionStorage })).toContain(firstSession);
    expect(JSON.stringify({ ...localStorage })).not.toContain(firstSession);
  });

  it('on "Log out": the project session and the virtual ID’s own session', async () => {
    const ended = loggedOut();
    await logOut();
    expect(ended()).toEqual([projectSession, firstSession]);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(firstSession);
  });

  it('on a logout in another tab', async () => {
    const ended = loggedOut();
    const otherTab = new BroadcastChannel('zstack-console.session');
    otherTab.postMessage('logout');
    await vi.waitFor(() => expect(ended()).toEqual([projectSession, firstSession]));
    otherTab.close();
  });

  it.each([
    ['the idle logout', { idleTimeoutMs: 2_000, idleWarningMs: 1_000 }, 'idle'],
    ['the absolute cap', { absoluteTimeoutMs: 2_000 }, 'absolute'],
  ] as const)('on %s, keeping the identity for the re-login', async (_, config, reason) => {
    vi.useFakeTimers();
    endSession();
    startSession(projectSession, opsAdmin(), firstSession);
    window.__ZSTACK_CONSOLE_CONFIG__ = config;
    const ended = loggedOut();
    renderHook(() => useIdleLogout(true));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(4_000);
    });
    expect(ended()).toEqual([projectSession, firstSession]);
    expect(getSessionState()).toMatchObject({ status: 'expired', expiredReason: reason });
  });

  it('when ZStack says the project session expired (ID.1001): the first one is ended too', async () => {
    const ended = loggedOut();
    await expect(zstack.get('/load-balancers')).rejects.toMatchObject({ code: 'ID.1001' });
    await vi.waitFor(() => expect(ended()).toEqual([firstSession]));
    expect(getSessionState().status).toBe('expired');
  });
});
