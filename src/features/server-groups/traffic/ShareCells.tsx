import { Stack, Text } from '@mantine/core';
import { useT } from '../../../i18n/react';
import { ShareBar } from '../ShareBar';
import { formatShare } from '../shares';
import type { TrafficMessage } from './messages';
import type { GroupShares, ListenerShares, ShareCell } from './shares';

/**
 * A backend's share of traffic, honestly: a bar where weights split it (weighted round robin), the equal
 * part as text where they do not (round robin), no figure where each connection decides (least
 * connections, source address), and why a backend gets nothing (inactive, failing its check). One line
 * per listener when the group's listeners share differently.
 */
export function useTrafficText() {
  const t = useT();
  return (m: TrafficMessage) => t(m.key, m.values);
}

// the table's cells do not wrap (MembersTable.module.css); these sentences must, within the column
const wrap = { whiteSpace: 'normal' } as const;

function OneCell({
  cell,
  mode,
  label,
  down,
}: {
  cell: ShareCell | undefined;
  mode: ListenerShares['mode'];
  label: string;
  down?: boolean;
}) {
  const t = useT();
  const text = useTrafficText();
  if (down)
    return (
      <Text size="xs" c="dimmed" style={wrap}>
        {t('traffic.cell.down')}
      </Text>
    );
  if (!cell || cell.kind === 'none')
    return (
      <Text size="sm" c="dimmed">
        {t('traffic.cell.noFigure')}
      </Text>
    );
  if (cell.kind === 'excluded')
    return (
      <Text size="xs" c="dimmed" style={wrap}>
        {text(cell.reason)}
      </Text>
    );
  if (mode === 'equal')
    return (
      <Text size="sm" style={wrap}>
        {t('traffic.cell.equal', { share: formatShare(cell.percent) })}
      </Text>
    );
  return <ShareBar percent={cell.percent} label={label} muted={!!cell.note} />;
}

export interface ShareCellsProps {
  shares: GroupShares;
  rowKey: string;
  /** What the backend goes by in accessible names. */
  label: string;
  /** Listener names by uuid. */
  names: ReadonlyMap<string, string>;
  /** The listeners' reads are in. */
  ready: boolean;
  /** Listeners on which this backend fails its health check. */
  downOn?: ReadonlySet<string>;
}

export function ShareCells({ shares, rowKey, label, names, ready, downOn }: ShareCellsProps) {
  const t = useT();
  if (!ready)
    return (
      <Text size="xs" c="dimmed" style={wrap}>
        {t('traffic.cell.loading')}
      </Text>
    );
  const [first] = shares.listeners;
  if (!first)
    return (
      <Text size="sm" c="dimmed">
        {t('traffic.cell.noFigure')}
      </Text>
    );
  if (shares.uniform && !downOn?.size)
    return <OneCell cell={first.cells.get(rowKey)} mode={first.mode} label={label} />;
  return (
    <Stack gap={2} style={wrap}>
      {shares.listeners.map((l) => {
        const listener = names.get(l.listenerUuid) ?? l.listenerUuid;
        return (
          <div key={l.listenerUuid}>
            <Text size="xs" c="dimmed" lh={1.2}>
              {listener}
            </Text>
            <OneCell
              cell={l.cells.get(rowKey)}
              mode={l.mode}
              label={t('traffic.share.backendOnListener', { backend: label, listener })}
              down={downOn?.has(l.listenerUuid)}
            />
          </div>
        );
      })}
    </Stack>
  );
}
