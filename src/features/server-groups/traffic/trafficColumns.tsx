import type { MembersColumn } from '../../../components/workbench/MembersTable';
import type { Translate } from '../../../i18n/react';
import type { BackendView } from '../backends';
import { HealthCell, StatusCell } from './BackendCells';
import type { ListenerTopology } from './pool';
import { ShareCells } from './ShareCells';
import type { GroupShares } from './shares';
import { healthOf, type MetricAnswer } from './zwatch';

export interface TrafficColumnsInput {
  t: Translate;
  shares: GroupShares;
  listeners: readonly ListenerTopology[];
  names: ReadonlyMap<string, string>;
  ready: boolean;
  /** ZWatch's LoadBalancerBackendStatus of the page shown; undefined while not read. */
  health: MetricAnswer | undefined;
  draining: ReadonlySet<string>;
}

const downOn = (answer: MetricAnswer | undefined, listeners: readonly ListenerTopology[], ip?: string) =>
  answer?.kind === 'values'
    ? new Set(listeners.filter((l) => healthOf(answer, l.uuid, ip) === 'down').map((l) => l.uuid))
    : undefined;

/**
 * The traffic columns of "Backend servers", after the weight: the honest share per listener, the
 * attachment status (with the VM's state and "Draining"), and health from ZWatch.
 */
export function trafficColumns(input: TrafficColumnsInput): MembersColumn<BackendView>[] {
  const { t, shares, listeners, names, ready, health, draining } = input;
  return [
    {
      key: 'share',
      header: t('traffic.column.share'),
      // a share bar's own minimum (150 px, rows.module.css) plus the cell's padding
      width: 175,
      render: (v) => (
        <ShareCells
          shares={shares}
          rowKey={v.key}
          label={v.label}
          names={names}
          ready={ready}
          downOn={downOn(health, listeners, v.ip)}
        />
      ),
    },
    {
      key: 'status',
      header: t('traffic.status.heading'),
      width: 110,
      render: (v) => (
        <StatusCell kind={v.ref.kind} status={v.status} vmState={v.vmState} draining={draining.has(v.key)} />
      ),
    },
    {
      key: 'health',
      header: t('traffic.health.heading'),
      width: 100,
      render: (v) => <HealthCell answer={health} listeners={listeners} ip={v.ip} />,
    },
  ];
}
