import type { ServerGroup } from '../schemas';
import { backendsOf, ipKey, keyOf, planBackendUndo, type BackendUndoPlan } from './backends';
import { planMemberUndo, type MemberUndoPlan } from './members';
import { membersAmong, nicsByUuidOrIp, readServerGroup, virtualIdStates } from './reads';
import type { UndoRecord } from './records';
import type { BackendItem, BackendKey, BackendUndo, MemberUndo, SkipReason, Write } from './types';

/** What undoing one item does: take it out, put it back (with a weight), or set its weight back. */
export type UndoAction = 'remove' | 'readd' | 'reweight' | 'leave' | 'join';

/** One row of what an undo will and will not restore. */
export interface UndoRow {
  kind: 'nic' | 'ip' | 'member';
  /** The NIC's VM and IP (its uuid once gone), the server IP, the virtual ID's name. */
  label: string;
  action: UndoAction;
  /** The weight it gets back (readd, reweight). */
  weight?: number;
  /** Why it is left as it is; undefined when the undo restores it. */
  skip?: SkipReason;
  weightNow?: number;
}

export interface UndoView {
  /** The call that restores what can be restored; undefined when nothing can. */
  write?: Write;
  rows: UndoRow[];
  /** Anything differs from what the write left: someone changed it since, or part of it cannot be put back. */
  differs: boolean;
}

function backendAction(undo: BackendUndo, item: BackendItem): Pick<UndoRow, 'action' | 'weight'> {
  if (undo.of.api === 'AddBackendServerToServerGroup') return { action: 'remove' };
  const weight = item.before.present ? item.before.weight : undefined;
  return undo.of.api === 'RemoveBackendServerFromServerGroup'
    ? { action: 'readd', weight }
    : { action: 'reweight', weight };
}

/** The rows of a backend undo plan, in the order of the write. */
export function backendRows(
  undo: BackendUndo,
  plan: BackendUndoPlan,
  nicLabel: (uuid: string) => string = (u) => u,
): UndoView {
  const skipped = new Map(plan.skipped.map((s) => [keyOf(s.key), s]));
  const label = (k: BackendKey) => (k.kind === 'nic' ? nicLabel(k.uuid) : k.ipAddress);
  const rows = undo.items.map((item): UndoRow => {
    const s = skipped.get(keyOf(item.key));
    return {
      kind: item.key.kind,
      label: label(item.key),
      ...backendAction(undo, item),
      ...(s ? { skip: s.reason, ...(s.weightNow === undefined ? {} : { weightNow: s.weightNow }) } : {}),
    };
  });
  return { write: plan.write, rows, differs: plan.changedSince || plan.skipped.length > 0 };
}

export function memberRows(
  undo: MemberUndo,
  plan: MemberUndoPlan,
  nameOf: (uuid: string) => string = (u) => u,
): UndoView {
  const skipped = new Map(plan.skipped.map((s) => [s.key, s]));
  const rows = undo.items.map((item): UndoRow => ({
    kind: 'member',
    label: nameOf(item.uuid),
    action: item.before ? 'join' : 'leave',
    ...(skipped.has(item.uuid) ? { skip: skipped.get(item.uuid)!.reason } : {}),
  }));
  return { write: plan.write, rows, differs: plan.changedSince || plan.skipped.length > 0 };
}

/** "web-2 (10.0.0.12)": the NIC's VM and IP; its uuid when it no longer exists. */
function nicLabel(uuid: string, nic: { ip: string; vmName: string } | undefined): string {
  if (!nic) return uuid;
  const name = nic.vmName || uuid;
  return nic.ip ? `${name} (${nic.ip})` : name;
}

const emptyGroup = (uuid: string): ServerGroup => ({ uuid, name: '', vmNicRefs: [], serverIps: [] });

/**
 * Reads the state an undo would change as it is now and plans against it: the group's backends (and,
 * for backends to put back, whether their NICs still exist and whether a member NIC now holds a server
 * IP); the virtual IDs' membership (and, to add them back, their state and project).
 */
export async function readUndoView(record: UndoRecord, signal?: AbortSignal): Promise<UndoView> {
  const { data } = record;
  if (data.kind === 'backends') {
    const { undo } = data;
    const current = (await readServerGroup(undo.groupUuid, signal)) ?? emptyGroup(undo.groupUuid);
    const nicUuids = undo.items.flatMap((i) => (i.key.kind === 'nic' ? [i.key.uuid] : []));
    const readdIps =
      undo.of.api === 'RemoveBackendServerFromServerGroup'
        ? undo.items.flatMap((i) => (i.key.kind === 'ip' ? [i.key.ipAddress] : []))
        : [];
    const nics = await nicsByUuidOrIp(nicUuids, readdIps, signal);
    const members = backendsOf(current);
    const nicIps = new Set(nics.holders.filter((h) => members.has(`nic:${h.uuid}`)).map((h) => ipKey(h.ip)));
    const plan = planBackendUndo(undo, current, { nicExists: (u) => nics.nics.has(u), nicIps });
    return backendRows(undo, plan, (u) => nicLabel(u, nics.nics.get(u)));
  }
  const { undo } = data;
  const uuids = undo.items.map((i) => i.uuid);
  const [members, states] = await Promise.all([
    membersAmong(undo.groupUuid, uuids, signal),
    virtualIdStates(undo.groupUuid, uuids, signal),
  ]);
  const plan = planMemberUndo(undo, new Set(members.keys()), { virtualIds: states });
  return memberRows(undo, plan, (u) => states.get(u)?.name ?? members.get(u) ?? u);
}
