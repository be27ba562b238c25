import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json } from '../../../test/fakeFetch';
import { englishText } from './englishText';
import { backendStatus, vmStatesQuery } from './status';

afterEach(() => vi.unstubAllGlobals());

const shown = (s: ReturnType<typeof backendStatus>) => ({
  attachment: englishText(s.attachment.label),
  tone: s.attachment.tone,
  vm: s.vm && englishText(s.vm.label),
  inConfiguration: s.inConfiguration,
  warning: s.warning && englishText(s.warning),
});

describe('attachment status', () => {
  it('shows the ref’s status and, for a NIC, its VM’s state', () => {
    expect(shown(backendStatus({ kind: 'nic', status: 'Active', vmState: 'Running' }))).toEqual({
      attachment: 'Active',
      tone: 'ok',
      vm: 'VM running',
      inConfiguration: true,
      warning: undefined,
    });
    expect(shown(backendStatus({ kind: 'nic', status: 'Inactive', vmState: 'Stopped' }))).toEqual({
      attachment: 'Inactive',
      tone: 'off',
      vm: 'VM stopped',
      inConfiguration: false,
      warning: undefined,
    });
    expect(englishText(backendStatus({ kind: 'nic', status: 'Inactive' }).attachment.help!)).toBe(
      'Its VM is stopped: ZStack leaves it out of the listener until the VM starts again.',
    );
  });

  it('warns when a backend is still attached while its VM does not run', () => {
    expect(shown(backendStatus({ kind: 'nic', status: 'Active', vmState: 'Stopped' })).warning).toBe(
      'The VM is Stopped but the backend is still attached: the health check takes it out of rotation.',
    );
    expect(
      shown(backendStatus({ kind: 'nic', status: 'Active', vmState: 'Starting' })).warning,
    ).toBeUndefined();
  });

  it('has a server address without a VM; Pending is in the configuration; other values are shown as they are', () => {
    expect(shown(backendStatus({ kind: 'ip', status: 'Active', vmState: 'Stopped' })).vm).toBeUndefined();
    expect(shown(backendStatus({ kind: 'ip', status: 'Pending' }))).toMatchObject({
      attachment: 'Pending',
      tone: 'busy',
      inConfiguration: true,
    });
    expect(shown(backendStatus({ kind: 'ip', status: 'Detached' }))).toMatchObject({
      attachment: 'Status “Detached”',
      tone: 'unknown',
    });
    expect(shown(backendStatus({ kind: 'ip', status: null })).attachment).toBe('No status');
    expect(shown(backendStatus({ kind: 'nic', status: 'Active', vmState: 'Migrating' })).vm).toBe(
      'VM Migrating',
    );
  });
});

describe('vmStatesQuery', () => {
  it('reads the states of one page’s VMs in one query, with a limit and only the fields it needs', async () => {
    const { calls } = fakeFetch(() =>
      json(200, {
        inventories: [
          { uuid: 'v1', state: 'Running' },
          { uuid: 'v2', state: 'Stopped' },
        ],
      }),
    );
    const states = await new QueryClient().fetchQuery(vmStatesQuery(['v2', 'v1', 'v2']));
    expect(calls).toHaveLength(1);
    const p = new URL(calls[0]!.url, 'http://x').searchParams;
    expect([p.getAll('q'), p.get('limit'), p.get('fields')]).toEqual([['uuid?=v1,v2'], '2', 'uuid,state']);
    expect([...states]).toEqual([
      ['v1', 'Running'],
      ['v2', 'Stopped'],
    ]);
  });
});
