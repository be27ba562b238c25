import { describe, expect, it } from 'vitest';
import {
  drainActions,
  drainState,
  drainStatusText,
  planDrain,
  planRestore,
  type DrainListener,
  type DrainRecord,
  type DrainTarget,
} from './drain';
import type { ListenerSettings } from './listenerSettings';
import { englishText } from './englishText';

const nic = (uuid: string, weight: number, label = uuid): DrainTarget => ({
  key: `nic:${uuid}`,
  ref: { kind: 'nic', uuid },
  weight,
  label,
});
const ip = (ipAddress: string, weight: number): DrainTarget => ({
  key: `ip:${ipAddress}`,
  ref: { kind: 'ip', ipAddress },
  weight,
  label: ipAddress,
});
const wrr = (name: string): DrainListener => ({ uuid: name, name, algorithm: 'weightroundrobin' });
const now = Date.UTC(2026, 0, 2, 3, 4, 5);

describe('starting a drain', () => {
  it('sets weight 0 on every backend in one ChangeLoadBalancerBackendServer, remembering each weight', () => {
    const plan = planDrain(
      [
        { ...nic('n1', 40, 'web-1'), ip: '10.0.0.11' },
        { ...ip('10.0.0.20', 100), ip: '10.0.0.20' },
      ],
      { listeners: [wrr('http-80')] },
      now,
    );
    expect(plan).toEqual({
      ok: true,
      body: {
        changeLoadBalancerBackendServer: {
          vmNics: [{ uuid: 'n1', weight: '0' }],
          servers: [{ ipAddress: '10.0.0.20', weight: '0' }],
        },
      },
      records: [
        {
          key: 'nic:n1',
          ref: { kind: 'nic', uuid: 'n1' },
          label: 'web-1',
          ip: '10.0.0.11',
          previousWeight: 40,
          since: now,
        },
        {
          key: 'ip:10.0.0.20',
          ref: { kind: 'ip', ipAddress: '10.0.0.20' },
          label: '10.0.0.20',
          ip: '10.0.0.20',
          previousWeight: 100,
          since: now,
        },
      ],
      refused: [],
      notes: [],
    });
  });

  it('is refused where weights have no effect, naming the listeners, and offers removal', () => {
    const plan = planDrain([nic('n1', 40)], {
      listeners: [wrr('http-80'), { uuid: 'h', name: 'https-443', algorithm: 'roundrobin' }],
    });
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.offer).toBe('remove');
    expect(englishText(plan.reason)).toBe(
      'Draining sets weight 0, and weight 0 does nothing on https-443: weights have no effect there. Remove the backend instead.',
    );
  });

  it('is refused on a UDP listener, where weight 0 would stop gobetween serving anyone', () => {
    const plan = planDrain([nic('n1', 40)], { listeners: [{ ...wrr('dns-53'), protocol: 'udp' }] });
    expect(!plan.ok && englishText(plan.reason)).toBe(
      'Draining sets weight 0, and on UDP listeners (dns-53) weight 0 makes gobetween, ZStack’s UDP balancer, refuse every new client. Remove the backend instead.',
    );
  });

  it('is refused while an algorithm is not known, and on a group without listeners', () => {
    const unknown = planDrain([nic('n1', 40)], {
      listeners: [{ uuid: 'x', name: 'x', algorithm: undefined }],
    });
    expect(!unknown.ok && unknown.reason.key).toBe('traffic.drain.refusedAlgorithmUnknown');
    const alone = planDrain([nic('n1', 40)], { listeners: [] });
    expect(!alone.ok && englishText(alone.reason)).toBe(
      'The group is on no listener: it receives no traffic, so there is nothing to drain.',
    );
  });

  it('leaves out what ZStack will not change: an IPv6 server address, a server address on a Shared load balancer', () => {
    const plan = planDrain([nic('n1', 10), ip('fd00::5', 10)], { listeners: [wrr('l')] });
    expect(plan.ok && plan.records.map((r) => r.key)).toEqual(['nic:n1']);
    expect(plan.ok && plan.refused.map((r) => englishText(r.reason))).toEqual([
      'ZStack changes the weight of IPv4 server addresses only: fd00::5 cannot be drained. Remove it instead.',
    ]);
    const shared = planDrain([ip('10.0.0.20', 10)], { listeners: [wrr('l')], loadBalancerType: 'Shared' });
    expect(!shared.ok && shared.reason.key).toBe('traffic.drain.refusedShared');
  });

  it('sends nothing for a backend at weight 0 already, and remembers that its weight is unknown', () => {
    const plan = planDrain([nic('n1', 0)], { listeners: [wrr('l')] }, now);
    expect(plan.ok && plan.body).toBeNull();
    expect(plan.ok && plan.records[0]?.previousWeight).toBeNull();
  });

  it('warns that clients with a session cookie still reach the backend', () => {
    const settings = new Map<string, ListenerSettings>([
      [
        'l',
        {
          listenerUuid: 'l',
          algorithm: 'weightroundrobin',
          algorithmTagged: true,
          healthCheck: {},
          sessionPersistence: 'insert',
        },
      ],
    ]);
    const plan = planDrain([nic('n1', 10)], { listeners: [wrr('l')], settings });
    expect(plan.ok && plan.notes.map(englishText)).toEqual([
      'The listener keeps sessions on a backend (insert): clients that already have one still reach it.',
    ]);
  });
});

const record = (previousWeight: number | null, key = 'nic:n1'): DrainRecord => ({
  key,
  ref: { kind: 'nic', uuid: key.slice(4) },
  label: 'web-1',
  previousWeight,
  since: now,
});

describe('a drain under way', () => {
  it('is draining while sessions remain, drained at 0, unverified without a count, over once the weight is back', () => {
    expect(drainState(record(40), 0, 7)).toEqual({ phase: 'draining', sessions: 7 });
    expect(drainState(record(40), 0, undefined)).toEqual({ phase: 'draining', sessions: undefined });
    expect(drainState(record(40), 0, 0)).toEqual({ phase: 'drained' });
    expect(drainState(record(40), 0, 'absent')).toEqual({ phase: 'unverified', since: now, why: 'noZWatch' });
    expect(drainState(record(40), 0, 'noData')).toEqual({ phase: 'unverified', since: now, why: 'noData' });
    expect(drainState(record(40), 40, 0)).toEqual({ phase: 'over' });
    expect(drainState(record(40), undefined, 0)).toEqual({ phase: 'over' });
  });

  it('offers restoring while draining, then Remove or Restore', () => {
    expect(drainActions({ phase: 'draining', sessions: 3 })).toEqual(['restore']);
    expect(drainActions({ phase: 'drained' })).toEqual(['remove', 'restore']);
    expect(drainActions({ phase: 'unverified', since: now, why: 'noZWatch' })).toEqual(['remove', 'restore']);
    expect(drainActions({ phase: 'over' })).toEqual([]);
  });

  it('says what it sees', () => {
    const say = (s: Parameters<typeof drainStatusText>[0]) => englishText(drainStatusText(s)!);
    expect(say({ phase: 'draining', sessions: 3 })).toBe('Open sessions: 3');
    expect(say({ phase: 'draining', sessions: undefined })).toBe('Draining');
    expect(say({ phase: 'drained' })).toBe('Drained: no open sessions');
    expect(say({ phase: 'unverified', since: now, why: 'noZWatch' })).toMatch(
      /^Weight 0 since \d{1,2}:\d{2}.*: no new connections\. Without ZWatch the console cannot see open sessions\.$/,
    );
    expect(say({ phase: 'unverified', since: now, why: 'noData' })).toMatch(
      /ZWatch has no session count for it/,
    );
  });
});

describe('restoring', () => {
  it('gives every backend its remembered weight back in one request', () => {
    expect(planRestore([record(40), record(100, 'nic:n2')])).toEqual({
      ok: true,
      keys: ['nic:n1', 'nic:n2'],
      body: {
        changeLoadBalancerBackendServer: {
          vmNics: [
            { uuid: 'n1', weight: '40' },
            { uuid: 'n2', weight: '100' },
          ],
        },
      },
    });
  });

  it('asks for the weight of a backend that was at 0 before, then uses it', () => {
    const missing = planRestore([record(null)]);
    expect(missing).toMatchObject({ ok: false, missing: ['nic:n1'] });
    expect(!missing.ok && englishText(missing.reason)).toBe(
      'Its weight was 0 before the console drained it: choose the weight to restore.',
    );
    const chosen = planRestore([record(null)], new Map([['nic:n1', 30]]));
    expect(chosen.ok && chosen.body.changeLoadBalancerBackendServer.vmNics).toEqual([
      { uuid: 'n1', weight: '30' },
    ]);
  });
});
