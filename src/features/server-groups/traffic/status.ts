import { queryOptions } from '@tanstack/react-query';
import { msg, type TrafficMessage } from './messages';
import { queryByUuids, trafficKeys } from './requests';
import { vmStateSchema } from './schemas';
import { inConfiguration } from './shares';

/**
 * A backend's attachment status, the ref's `status` (LoadBalancerVmNicStatus,
 * LoadBalancerBackendServerStatus: Pending, Active, Inactive), with its VM's state for a NIC. ZStack sets
 * `Active` when it attaches a backend, even to a stopped VM (LoadBalancerBase), and flips a NIC's ref to
 * `Inactive` when its VM stops and back when it starts (LoadBalancerExtension); the router leaves
 * `Inactive` refs out of the listener. It says nothing of whether the backend answers: that is health.
 */
export type Tone = 'ok' | 'off' | 'warning' | 'busy' | 'unknown';

export interface StatusDisplay {
  attachment: { status?: string; label: TrafficMessage; help?: TrafficMessage; tone: Tone };
  vm?: { state: string; label: TrafficMessage; tone: Tone };
  /** The router puts it into the listener's configuration. */
  inConfiguration: boolean;
  /** Where the two disagree in a way the admin should know. */
  warning?: TrafficMessage;
}

function attachmentOf(status: string | null | undefined): StatusDisplay['attachment'] {
  switch (status) {
    case 'Active':
      return {
        status,
        label: msg('traffic.status.active'),
        help: msg('traffic.status.activeHelp'),
        tone: 'ok',
      };
    case 'Inactive':
      return {
        status,
        label: msg('traffic.status.inactive'),
        help: msg('traffic.status.inactiveHelp'),
        tone: 'off',
      };
    case 'Pending':
      return {
        status,
        label: msg('traffic.status.pending'),
        help: msg('traffic.status.pendingHelp'),
        tone: 'busy',
      };
    case null:
    case undefined:
    case '':
      return { label: msg('traffic.status.missing'), tone: 'unknown' };
    default:
      return { status, label: msg('traffic.status.unknown', { status }), tone: 'unknown' };
  }
}

/** VmInstanceState: the ones in motion, and those in which the VM serves nothing. */
const moving = new Set([
  'Starting',
  'Stopping',
  'Rebooting',
  'Migrating',
  'Pausing',
  'Resuming',
  'VolumeMigrating',
  'VolumeRecovering',
]);
const notServing = new Set([
  'Created',
  'Stopped',
  'Paused',
  'Destroying',
  'Destroyed',
  'Expunging',
  'Crashed',
  'Error',
]);

function vmOf(state: string): NonNullable<StatusDisplay['vm']> {
  if (state === 'Running') return { state, label: msg('traffic.vm.running'), tone: 'ok' };
  if (state === 'Stopped') return { state, label: msg('traffic.vm.stopped'), tone: 'off' };
  const tone: Tone = moving.has(state) ? 'busy' : notServing.has(state) ? 'off' : 'unknown';
  return { state, label: msg('traffic.vm.state', { state }), tone };
}

export function backendStatus(backend: {
  kind: 'nic' | 'ip';
  status?: string | null;
  /** The VM's state, for a NIC; undefined while not read. */
  vmState?: string | null;
}): StatusDisplay {
  const attachment = attachmentOf(backend.status);
  const display: StatusDisplay = { attachment, inConfiguration: inConfiguration(backend.status) };
  if (backend.kind === 'nic' && backend.vmState) {
    display.vm = vmOf(backend.vmState);
    if (backend.status === 'Active' && display.vm.tone === 'off')
      display.warning = msg('traffic.vm.stoppedButActive', { state: backend.vmState });
  }
  return display;
}

/** The state of the VMs of one table page's NIC backends: one query (more only past ~170 VMs). */
export const vmStatesQuery = (vmUuids: readonly string[]) =>
  queryOptions({
    queryKey: trafficKeys.vmStates(vmUuids),
    queryFn: async ({ signal }) => {
      const vms = await queryByUuids('/vm-instances', vmStateSchema, vmUuids, {
        fields: ['uuid', 'state'],
        signal,
      });
      return new Map(vms.map((vm) => [vm.uuid, vm.state ?? undefined] as const));
    },
    enabled: vmUuids.length > 0,
  });
