import { useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServerGroup } from '../../../api/schemas';
import { notifyDone } from '../../../components/notifyDone';
import { useT } from '../../../i18n/react';
import { nameList } from '../../../lib/plural';
import { useChangeBackendWeights } from '../api/writes';
import type { BackendView } from '../backends';
import { drainActions, drainState, drainStatusText, planDrain, planRestore, type DrainRecord } from './drain';
import type { DrainAction, DrainState } from './drain';
import { useDrainRecords, drainStore } from './drainStore';
import { msg, type TrafficMessage } from './messages';
import type { GroupTraffic } from './useGroupTraffic';
import { backendSessionsQuery, sessionsOf } from './zwatch';

export interface Drained {
  record: DrainRecord;
  state: DrainState;
  text?: TrafficMessage;
  actions: DrainAction[];
}

export interface Refusal {
  reason: TrafficMessage;
  /** The backends it concerns: removal is offered for them. */
  items: readonly BackendView[];
}

/**
 * Drain and restore for the backends table: plans them (drain.ts), sends ChangeLoadBalancerBackendServer
 * through the job mutation layer, remembers the weights to restore (drainStore.ts) and follows the open
 * sessions of what is draining (one ZWatch request for all of them, every few seconds while any drains).
 */
export function useDrain(group: ServerGroup, traffic: GroupTraffic, lbType: string | undefined) {
  const t = useT();
  const client = useQueryClient();
  const records = useDrainRecords(group.uuid);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notes, setNotes] = useState<TrafficMessage[]>([]);
  // what the last write did, for its error's headline
  const [action, setAction] = useState('');
  const names = (labels: readonly string[]) => nameList(labels, 5);

  const weights = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of group.vmNicRefs ?? []) m.set(`nic:${r.vmNicUuid}`, r.weight ?? 100);
    for (const s of group.serverIps ?? []) m.set(`ip:${s.ipAddress}`, s.weight ?? 100);
    return m;
  }, [group]);
  // a drain whose backend has a weight again, or is gone, is over
  useEffect(() => drainStore.reconcile(group.uuid, weights), [group.uuid, weights]);

  const change = useChangeBackendWeights<{ kind: 'drain' | 'restore'; records: DrainRecord[] }>(
    group.uuid,
    ({ tag }, outcome) => {
      const backends = names(tag.records.map((r) => r.label));
      if (tag.kind === 'drain') {
        drainStore.remember(group.uuid, tag.records);
        notifyDone(t('traffic.drain.startedTitle'), t('traffic.drain.startedText', { backends }), outcome);
      } else {
        drainStore.forget(
          group.uuid,
          tag.records.map((r) => r.key),
        );
        notifyDone(t('traffic.drain.restoredTitle'), t('traffic.drain.restoredText', { backends }), outcome);
      }
    },
  );

  const ips = useMemo(() => records.flatMap((r) => (r.ip ? [r.ip] : [])), [records]);
  const sessions = useQuery(
    backendSessionsQuery(client, {
      loadBalancerUuid: group.loadBalancerUuid ?? '',
      listenerUuids: traffic.listenerUuids,
      ips,
    }),
  );
  const drained: Drained[] = records.map((record) => {
    const answer = sessions.data;
    const count = answer?.kind === 'absent' ? 'absent' : sessionsOf(answer, traffic.listenerUuids, record.ip);
    const state = drainState(record, weights.get(record.key), count);
    return { record, state, text: drainStatusText(state), actions: drainActions(state) };
  });

  const drain = (items: readonly BackendView[]) => {
    change.reset();
    setRefusal(null);
    setNotes([]);
    const plan = planDrain(
      items.map((v) => ({ key: v.key, ref: v.ref, weight: v.weight, label: v.label, ip: v.ip })),
      { listeners: traffic.drainListeners, loadBalancerType: lbType, settings: traffic.settings.data },
    );
    if (!plan.ok) return setRefusal({ reason: plan.reason, items });
    const [firstRefused] = plan.refused;
    if (firstRefused) {
      const keys = new Set(plan.refused.map((r) => r.key));
      setRefusal({ reason: firstRefused.reason, items: items.filter((v) => keys.has(v.key)) });
    }
    setNotes(plan.notes);
    setAction(t('traffic.drain.failedAction', { backends: names(plan.records.map((r) => r.label)) }));
    if (plan.body) change.submit({ body: plan.body, tag: { kind: 'drain', records: plan.records } });
    else if (plan.records.length) {
      drainStore.remember(group.uuid, plan.records);
      setNotes([...plan.notes, msg('traffic.drain.nothingToSend')]);
    }
  };

  const restore = (chosen: readonly DrainRecord[], weightsChosen?: ReadonlyMap<string, number>) => {
    change.reset();
    const plan = planRestore(chosen, weightsChosen);
    setAction(t('traffic.drain.restoreFailedAction', { backends: names(chosen.map((r) => r.label)) }));
    if (plan.ok) change.submit({ body: plan.body, tag: { kind: 'restore', records: [...chosen] } });
  };

  return {
    drained,
    drainingKeys: useMemo(() => new Set(records.map((r) => r.key)), [records]),
    drain,
    restore,
    refusal,
    dismissRefusal: () => setRefusal(null),
    notes,
    change,
    action,
  };
}

export type DrainControl = ReturnType<typeof useDrain>;
