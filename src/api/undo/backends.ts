import type { ServerGroup } from '../schemas';
import type {
  BackendItem,
  BackendKey,
  BackendUndo,
  BackendWrite,
  Presence,
  SkipReason,
  Skipped,
} from './types';

/** ZStack's default weight of a backend added without one. */
export const defaultWeight = 100;

/** Server IPs as ZStack matches them (MySQL compares them case-insensitively). */
export const ipKey = (ip: string) => ip.trim().toLowerCase();

export const keyOf = (k: BackendKey) => (k.kind === 'nic' ? `nic:${k.uuid}` : `ip:${ipKey(k.ipAddress)}`);

type Present = Extract<Presence, { present: true }>;
const absent: Presence = { present: false };

/** A group's backends by key; a missing weight is ZStack's default. The first row of a key counts. */
export function backendsOf(group: ServerGroup | null | undefined): Map<string, Present> {
  const map = new Map<string, Present>();
  const put = (key: string, weight: number | null | undefined, id: string | number | undefined) => {
    if (!map.has(key))
      map.set(key, { present: true, weight: weight ?? defaultWeight, ...(id === undefined ? {} : { id }) });
  };
  for (const r of group?.vmNicRefs ?? []) put(`nic:${r.vmNicUuid}`, r.weight, r.id);
  for (const s of group?.serverIps ?? []) put(`ip:${ipKey(s.ipAddress)}`, s.weight, s.id);
  return map;
}

/** The write's entries, each once, as backend keys with the weight it sent. */
function entriesOf(write: BackendWrite): { key: BackendKey; weight?: number }[] {
  const all =
    write.api === 'RemoveBackendServerFromServerGroup'
      ? [
          ...write.vmNicUuids.map((uuid) => ({ key: { kind: 'nic', uuid } as BackendKey })),
          ...write.serverIps.map((ipAddress) => ({ key: { kind: 'ip', ipAddress } as BackendKey })),
        ]
      : [
          ...write.vmNics.map((n) => ({
            key: { kind: 'nic', uuid: n.uuid } as BackendKey,
            weight: n.weight,
          })),
          ...write.servers.map((s) => ({
            key: { kind: 'ip', ipAddress: s.ipAddress } as BackendKey,
            weight: s.weight,
          })),
        ];
  const seen = new Set<string>();
  return all.filter((e) => !seen.has(keyOf(e.key)) && seen.add(keyOf(e.key)));
}

/**
 * What undoing a backend write must put back, from the group as it was just before the write (`before`)
 * and, when known, as the write left it (`after`: ZStack's answer, with the new rows' ids): the backends
 * an add added, those a remove removed with their weights, the weights a change changed. Entries that
 * changed nothing are listed apart and never undone.
 */
export function undoBackendWrite(
  write: BackendWrite,
  before: ServerGroup,
  after?: ServerGroup | null,
): BackendUndo {
  const was = backendsOf(before);
  const now = after ? backendsOf(after) : undefined;
  const items: BackendItem[] = [];
  const unchanged: BackendKey[] = [];
  for (const { key, weight } of entriesOf(write)) {
    const k = keyOf(key);
    const b: Presence = was.get(k) ?? absent;
    let a: Presence;
    if (write.api === 'AddBackendServerToServerGroup') {
      a = b.present ? b : now ? (now.get(k) ?? absent) : { present: true, weight: weight ?? defaultWeight };
    } else if (write.api === 'RemoveBackendServerFromServerGroup') {
      a = absent;
    } else {
      a = b.present ? (now?.get(k) ?? { ...b, weight: weight ?? b.weight }) : absent;
    }
    if (samePresence(a, b)) unchanged.push(key);
    else items.push({ key, before: b, after: a });
  }
  return { of: write, groupUuid: write.groupUuid, items, unchanged };
}

function samePresence(x: Presence, y: Presence): boolean {
  if (!x.present || !y.present) return x.present === y.present;
  return x.weight === y.weight && (x.id === undefined || y.id === undefined || x.id === y.id);
}

export interface BackendUndoPlan {
  /** The call that restores what can be restored; undefined when nothing can. */
  write?: BackendWrite;
  restores: BackendItem[];
  skipped: Skipped<BackendKey>[];
  /** Someone changed some of these backends since the write. */
  changedSince: boolean;
}

export interface BackendFacts {
  /** VM NICs that still exist (to put a removed NIC back); unknown when absent. */
  nicExists?: (uuid: string) => boolean;
  /** IPs of the group's member NICs now (a server IP that repeats one is refused), as ipKey. */
  nicIps?: ReadonlySet<string>;
}

function whyNot(item: BackendItem, now: Presence, facts: BackendFacts): Skipped<BackendKey> | undefined {
  const { key, before, after } = item;
  const weightNow = now.present ? now.weight : undefined;
  if (samePresence(now, before)) return { key, reason: 'alreadyRestored' };
  if (!samePresence(now, after)) {
    let reason: SkipReason;
    if (!after.present) reason = 'addedSince';
    else if (!now.present) reason = 'removedSince';
    else if (after.id !== undefined && now.id !== undefined && after.id !== now.id) reason = 'replacedSince';
    else reason = 'weightChangedSince';
    return { key, reason, ...(weightNow === undefined ? {} : { weightNow }) };
  }
  if (!after.present && key.kind === 'nic' && facts.nicExists && !facts.nicExists(key.uuid))
    return { key, reason: 'nicGone' };
  if (!after.present && key.kind === 'ip' && facts.nicIps?.has(ipKey(key.ipAddress)))
    return { key, reason: 'ipTaken' };
  return undefined;
}

/**
 * The undo against the group as it is now (another admin may have changed it): each backend is put back
 * only if it is still as the write left it, so the undo never removes what the write did not add, never
 * overwrites a weight set since, and says what it leaves and why.
 */
export function planBackendUndo(
  undo: BackendUndo,
  current: ServerGroup,
  facts: BackendFacts = {},
): BackendUndoPlan {
  const now = backendsOf(current);
  const restores: BackendItem[] = [];
  const skipped: Skipped<BackendKey>[] = [];
  let changedSince = false;
  for (const item of undo.items) {
    const n = now.get(keyOf(item.key)) ?? absent;
    if (!samePresence(n, item.after)) changedSince = true;
    const skip = whyNot(item, n, facts);
    if (skip) skipped.push(skip);
    else restores.push(item);
  }
  return { write: inverseWrite(undo, restores), restores, skipped, changedSince };
}

function inverseWrite(undo: BackendUndo, items: readonly BackendItem[]): BackendWrite | undefined {
  if (!items.length) return undefined;
  const nics = items.flatMap((i) => (i.key.kind === 'nic' ? [{ uuid: i.key.uuid, before: i.before }] : []));
  const ips = items.flatMap((i) =>
    i.key.kind === 'ip' ? [{ ipAddress: i.key.ipAddress, before: i.before }] : [],
  );
  const weightOf = (p: Presence) => (p.present ? p.weight : defaultWeight);
  const groupUuid = undo.groupUuid;
  switch (undo.of.api) {
    case 'AddBackendServerToServerGroup':
      return {
        api: 'RemoveBackendServerFromServerGroup',
        groupUuid,
        vmNicUuids: nics.map((n) => n.uuid),
        serverIps: ips.map((s) => s.ipAddress),
      };
    case 'RemoveBackendServerFromServerGroup':
      return {
        api: 'AddBackendServerToServerGroup',
        groupUuid,
        vmNics: nics.map((n) => ({ uuid: n.uuid, weight: weightOf(n.before) })),
        servers: ips.map((s) => ({ ipAddress: s.ipAddress, weight: weightOf(s.before) })),
      };
    case 'ChangeLoadBalancerBackendServer':
      return {
        api: 'ChangeLoadBalancerBackendServer',
        groupUuid,
        vmNics: nics.map((n) => ({ uuid: n.uuid, weight: weightOf(n.before) })),
        servers: ips.map((s) => ({ ipAddress: s.ipAddress, weight: weightOf(s.before) })),
      };
  }
}
