import { useMemo } from 'react';
import type { LoadBalancer, ServerGroup } from '../../../api/schemas';
import { useT } from '../../../i18n/react';
import { formatShare } from '../shares';
import { sharesAfterChange, weightEffect, type GroupShares, type ShareBackend } from './shares';
import { shareBackendsOf, useGroupTraffic } from './useGroupTraffic';

/** A staged row's share after the change: the shares of the whole change, and the row's key in them. */
export interface StagedShare {
  shares: GroupShares;
  key: string;
}

const validWeight = (text: string | undefined): number | null => {
  const trimmed = (text ?? '').trim();
  return /^\d{1,3}$/.test(trimmed) && Number(trimmed) <= 100 ? Number(trimmed) : null;
};

/**
 * The share of traffic after the change, per listener, for the staged rows of "Add backends": the
 * current backends as they are plus the staged rows, attached Active (traffic/shares.ts).
 */
export function useStagedShares(
  group: ServerGroup,
  lb: LoadBalancer | null | undefined,
  rows: readonly { id: string; weight?: string }[],
) {
  const t = useT();
  const traffic = useGroupTraffic(group, lb);
  const current = useMemo(() => shareBackendsOf(group), [group]);
  const shares = useMemo(() => {
    const staged: ShareBackend[] = rows.map((r) => ({ key: r.id, weight: validWeight(r.weight) }));
    return sharesAfterChange(current, { staged }, traffic.listeners);
  }, [current, rows, traffic.listeners]);
  const extras = useMemo(() => rows.map<StagedShare>((r) => ({ shares, key: r.id })), [rows, shares]);
  const names = useMemo(() => new Map(traffic.topology.map((l) => [l.uuid, l.name])), [traffic.topology]);
  const ready = traffic.ready || traffic.failed;
  const effect = ready
    ? weightEffect(
        traffic.topology.map((l) => ({
          name: l.name,
          algorithm: traffic.settings.data?.get(l.uuid)?.algorithm,
        })),
      )
    : undefined;
  // the part of the staged rows and of the current backends, on each listener where weights decide it
  const stagedKeys = new Set(rows.map((r) => r.id));
  const summary = shares.listeners
    .filter((l) => l.mode === 'weighted')
    .map((l) => {
      let staged = 0;
      let now = 0;
      for (const [key, cell] of l.cells)
        if (cell.kind === 'share') {
          if (stagedKeys.has(key)) staged += cell.percent;
          else now += cell.percent;
        }
      return t('traffic.staged.summary', {
        listener: names.get(l.listenerUuid) ?? l.listenerUuid,
        staged: formatShare(staged),
        current: formatShare(now),
      });
    })
    .join(' ');
  return { traffic, shares, extras, names, ready, effect, summary: summary || undefined };
}
