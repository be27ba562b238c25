import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConsoleCode } from '../errors';
import { exportLog } from './export';
import { filterEntries } from './filters';
import { ApiLogStore, type ApiLogOptions } from './store';
import { useApiLog } from './useApiLog';

const group = '9e9c1f7a74ce3cb6b51d4f938537f765';
const job = '1'.repeat(32);
const addUrl = `/zstack/v1/load-balancers/servergroups/${group}/backendservers`;

/** A store on a fake clock that moves 10 ms per reading. */
function fakeClock(options: Partial<ApiLogOptions> = {}) {
  let t = 0;
  return new ApiLogStore({ now: () => 1_700_000_000_000 + t, monotonic: () => (t += 10), ...options });
}

describe('API log entries', () => {
  it('follows an async write from its send to its job result', () => {
    const log = fakeClock();
    const params = { vmNics: [{ uuid: 'c'.repeat(32), weight: '20' }] };
    const id = log.begin({ method: 'POST', url: addUrl, body: { params }, jobUuid: job });
    expect(log.get(id)).toMatchObject({
      apiName: 'AddBackendServerToServerGroup',
      method: 'POST',
      path: addUrl,
      query: '',
      write: true,
      outcome: 'pending',
      job: { uuid: job, end: 'running', polls: 0, afterLostAnswer: false },
    });
    log.answered(id, 202, { location: `http://node:8080/zstack/v1/api-jobs/${job}` });
    log.polled(id);
    log.polled(id);
    log.jobDone(id, { inventory: { uuid: group, vmNicRefs: [] } });
    const entry = log.get(id)!;
    expect(entry).toMatchObject({ outcome: 'ok', status: 200, job: { end: 'done', polls: 2 } });
    expect(entry.durationMs).toBeGreaterThan(0);
    expect(JSON.parse(entry.request!.text)).toEqual({ params });
    expect(JSON.parse(entry.response!.text)).toEqual({ inventory: { uuid: group, vmNicRefs: [] } });
  });

  it('says how a job ended: failed, still running, not confirmed, never received, settled after a lost answer', () => {
    const log = fakeClock();
    const start = () => log.begin({ method: 'POST', url: addUrl, body: {}, jobUuid: job });
    const ends = [
      { code: 'SYS.1006', end: 'failed', outcome: 'failed' },
      { code: ConsoleCode.jobTimeout, end: 'stillRunning', outcome: 'unknown' },
      { code: ConsoleCode.notConfirmed, end: 'notConfirmed', outcome: 'unknown' },
      { code: ConsoleCode.notReceived, end: 'notReceived', outcome: 'failed' },
    ];
    for (const { code } of ends) log.failed(start(), { code, details: 'd', status: 503 });
    const lost = start();
    log.answerLost(lost);
    log.jobDone(lost, {}, true);

    const [settled, ...failed] = log.getSnapshot();
    expect(settled).toMatchObject({ outcome: 'ok', job: { end: 'done', afterLostAnswer: true } });
    expect(failed.reverse().map((e) => [e.error?.code, e.job?.end, e.outcome])).toEqual(
      ends.map((e) => [e.code, e.end, e.outcome]),
    );
  });

  it('"Check again" continues the entry of the same job instead of adding one', () => {
    const log = fakeClock();
    const id = log.begin({ method: 'POST', url: addUrl, body: {}, jobUuid: job });
    log.answered(id, 202, {});
    log.failed(id, { code: ConsoleCode.jobTimeout, status: 0, jobUuid: job });
    expect(log.resume(job)).toBe(id);
    expect(log.get(id)).toMatchObject({ outcome: 'pending', error: undefined, job: { end: 'running' } });
    log.jobDone(id, {});
    expect(log.getSnapshot()).toHaveLength(1);
    expect(log.get(id)).toMatchObject({ outcome: 'ok', job: { end: 'done' } });
    expect(log.resume('2'.repeat(32))).toBeUndefined();
  });

  it('names reads by their API and keeps their query as sent', () => {
    const log = fakeClock();
    const id = log.begin({ method: 'GET', url: '/zstack/v1/vm-instances/nics?q=ip%3F%3D10.0.0.1&limit=20' });
    log.answered(id, 200, { inventories: [] });
    expect(log.get(id)).toMatchObject({
      apiName: 'QueryVmNic',
      write: false,
      query: 'q=ip%3F%3D10.0.0.1&limit=20',
      outcome: 'ok',
      status: 200,
    });
    const unknown = log.begin({ method: 'POST', url: '/zstack/v1/no/such/api', body: {} });
    expect(log.get(unknown)).toMatchObject({ apiName: undefined, write: true });
  });
});

describe('API log bounds', () => {
  it('keeps the last 500 calls, newest first', () => {
    const log = fakeClock();
    for (let i = 1; i <= 520; i++) log.begin({ method: 'GET', url: `/zstack/v1/vips?limit=${i}` });
    const entries = log.getSnapshot();
    expect(entries).toHaveLength(500);
    expect(entries[0]?.query).toBe('limit=520');
    expect(entries[499]?.query).toBe('limit=21');
  });

  it('keeps a large body whole while it is recent, and cuts the oldest ones past the budget', () => {
    const log = fakeClock({ wholeBodyBudget: 10_000, previewChars: 100 });
    const big = {
      params: { servers: Array.from({ length: 200 }, (_, i) => ({ ipAddress: `10.0.${i}.1`, weight: '1' })) },
    };
    const size = JSON.stringify(big).length;
    expect(size).toBeGreaterThan(5_000);
    const first = log.begin({ method: 'POST', url: addUrl, body: big });
    expect(log.get(first)?.request).toMatchObject({ truncated: false, size });
    const second = log.begin({ method: 'POST', url: addUrl, body: big });
    expect(log.get(first)?.request).toMatchObject({
      truncated: true,
      size,
      text: JSON.stringify(big).slice(0, 100),
    });
    expect(log.get(second)?.request?.truncated).toBe(false);
    expect(log.bodyChars).toBe(size);
  });

  it('keeps only a preview of a body larger than the whole budget', () => {
    const log = fakeClock({ wholeBodyBudget: 1_000, previewChars: 10 });
    const id = log.begin({ method: 'GET', url: '/zstack/v1/vips?limit=1' });
    log.answered(id, 200, { inventories: [{ name: 'x'.repeat(5_000) }] });
    expect(log.get(id)?.response).toMatchObject({ truncated: true, text: '{"inventor' });
    expect(log.bodyChars).toBe(0);
  });

  it('keeps a 5 MB add whole while it is the latest, and never two of them', () => {
    const log = fakeClock();
    const body = { params: { servers: [{ ipAddress: 'x'.repeat(5_000_000), weight: '1' }] } };
    for (let i = 0; i < 20; i++) {
      const id = log.begin({ method: 'POST', url: addUrl, body, jobUuid: job });
      log.jobDone(id, { inventory: { serverIps: [{ ipAddress: 'y'.repeat(2_000_000) }] } });
    }
    const [latest, ...older] = log.getSnapshot();
    expect(latest?.request?.truncated).toBe(false);
    expect(latest?.response?.truncated).toBe(true);
    expect(older.every((e) => e.request?.truncated && e.response?.truncated)).toBe(true);
    expect(log.bodyChars).toBeLessThanOrEqual(log.options.wholeBodyBudget);
  });

  it('cuts old answers before old requests', () => {
    const log = fakeClock({ wholeBodyBudget: 3_000, previewChars: 10 });
    const write = log.begin({ method: 'POST', url: addUrl, body: { x: 'w'.repeat(1_000) }, jobUuid: job });
    log.jobDone(write, { y: 'r'.repeat(1_000) });
    const read = log.begin({ method: 'GET', url: '/zstack/v1/vips?limit=1' });
    log.answered(read, 200, { z: 'v'.repeat(1_500) });
    expect(log.get(write)).toMatchObject({ request: { truncated: false }, response: { truncated: true } });
    expect(log.get(read)?.response?.truncated).toBe(false);
  });
});

describe('API log filters and export', () => {
  function sample() {
    const log = fakeClock();
    const read = log.begin({ method: 'GET', url: '/zstack/v1/vips?limit=1' });
    log.answered(read, 200, { inventories: [{ name: 'web-vip' }] });
    const add = log.begin({ method: 'POST', url: addUrl, body: { params: {} }, jobUuid: job });
    log.failed(add, { code: 'SYS.1007', details: 'vmnic or ip is null', status: 503 });
    const change = log.begin({
      method: 'PUT',
      url: `/zstack/v1/load-balancers/servergroups/${group}/backendserver/actions`,
      body: { changeLoadBalancerBackendServer: { servers: [{ ipAddress: '10.0.0.9', weight: '0' }] } },
    });
    log.answered(change, 200, {});
    return log;
  }

  it('shows writes only, failures only, or entries with a text anywhere in them', () => {
    const entries = sample().getSnapshot();
    const names = (f: Parameters<typeof filterEntries>[1]) => filterEntries(entries, f).map((e) => e.apiName);
    expect(names({ writesOnly: true })).toEqual([
      'ChangeLoadBalancerBackendServer',
      'AddBackendServerToServerGroup',
    ]);
    expect(names({ failuresOnly: true })).toEqual(['AddBackendServerToServerGroup']);
    expect(names({ text: 'VMNIC OR IP' })).toEqual(['AddBackendServerToServerGroup']);
    expect(names({ text: '10.0.0.9' })).toEqual(['ChangeLoadBalancerBackendServer']);
    expect(names({ text: 'web-vip' })).toEqual(['QueryVip']);
    expect(names({ text: job.slice(0, 8) })).toEqual(['AddBackendServerToServerGroup']);
    expect(names({ text: 'a(b' })).toEqual([]);
    expect(filterEntries(entries, {})).toBe(entries);
  });

  it('exports the entries as JSON with their bodies as data', () => {
    const entries = sample().getSnapshot();
    const doc = JSON.parse(exportLog(entries, new Date('2026-01-02T03:04:05Z')));
    expect(doc.exportedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(doc.entries).toHaveLength(3);
    expect(doc.entries[2]).toMatchObject({
      apiName: 'QueryVip',
      response: { inventories: [{ name: 'web-vip' }] },
    });
    expect(doc.entries[1]).toMatchObject({ request: { params: {} }, error: { code: 'SYS.1007' } });
    expect(doc.entries[0].at).toBe(new Date(entries[0]!.at).toISOString());
  });
});

describe('useApiLog', () => {
  it('re-renders with each change of the log, filtered', () => {
    const log = fakeClock();
    const { result } = renderHook(() => useApiLog({ writesOnly: true }, log));
    expect(result.current).toEqual([]);
    act(() => {
      log.begin({ method: 'GET', url: '/zstack/v1/vips?limit=1' });
      log.begin({ method: 'POST', url: addUrl, body: {} });
    });
    expect(result.current.map((e) => e.apiName)).toEqual(['AddBackendServerToServerGroup']);
    act(() => log.clear());
    expect(result.current).toEqual([]);
  });

  it('gives the same snapshot until something changes', () => {
    const log = fakeClock();
    log.begin({ method: 'GET', url: '/zstack/v1/vips?limit=1' });
    expect(log.getSnapshot()).toBe(log.getSnapshot());
    const before = log.getSnapshot();
    log.begin({ method: 'GET', url: '/zstack/v1/vips?limit=1' });
    expect(log.getSnapshot()).not.toBe(before);
  });
});
