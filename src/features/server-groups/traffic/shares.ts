import { isAlgorithm } from './listenerSettings';
import { msg, type TrafficMessage } from './messages';

/**
 * The share of a listener's new connections each backend gets, as ZStack's router configures HAProxy
 * (zstack-vyos plugin/lb.go, from the LbTO that VirtualRouterLoadBalancerBackend builds):
 *
 * - A listener's backends are those of all its server groups together (one HAProxy backend), unless it
 *   routes requests by forwarding rules; refs whose status is `Inactive` are left out (their VM is
 *   stopped), `Active` and `Pending` ones are in. A dual-stack NIC ref is two servers, one per address.
 * - `weightroundrobin` becomes `balance static-rr` with `weight <w>` on every server: a server's share is
 *   its weight over the sum of the weights; weight 0 takes no new connections.
 * - `roundrobin` is `balance roundrobin` with no weight written: every server has HAProxy's default
 *   weight, the same, so each gets an equal share, weight 0 included.
 * - `leastconn` and `source` (`balance leastconn`, `balance source`) decide per connection: no share.
 * - A server failing its health check gets nothing while it fails; the others take its part.
 * - UDP listeners are balanced by gobetween instead, with the same algorithms (`weight` for weighted round
 *   robin), except that its weighted balancer refuses to choose any server while one has weight 0
 *   (gobetween's balance/weight.go): no figure then, and a sentence saying so.
 */
export interface ShareBackend {
  key: string;
  /** The weight, 0..100; null when it is not a valid weight (a staged row still being typed). */
  weight: number | null;
  /** The ref's status; a staged row has none yet (ZStack attaches it as `Active`). */
  status?: string | null;
  /** HAProxy servers it is: 2 for a dual-stack NIC ref (ipVersion 46), else 1. */
  servers?: number;
}

/** The other server groups on a listener, summed over their backends that are in the configuration. */
export interface PeerPool {
  groupNames: readonly string[];
  weightSum: number;
  servers: number;
}

export interface ShareListener {
  uuid: string;
  /** `udp` listeners are balanced by gobetween (zstack-vyos plugin/lb.go). */
  protocol?: string;
  /** The tag's algorithm; undefined while it is not known (loading, or the read failed). */
  algorithm: string | undefined;
  /** Other groups on the listener; `unknown` when their backends could not be read. */
  peers?: PeerPool | 'unknown';
  /** Requests go to groups by forwarding rules: shares are within this group. */
  routedByRules?: boolean;
  /** Backends failing this listener's health check (from ZWatch, where the node has it). */
  down?: ReadonlySet<string>;
}

export type ShareCell =
  | { kind: 'share'; percent: number; note?: TrafficMessage }
  | { kind: 'excluded'; reason: TrafficMessage }
  | { kind: 'none' };

export type ShareMode = 'weighted' | 'equal' | 'none';

export interface ListenerShares {
  listenerUuid: string;
  mode: ShareMode;
  /** What decides the split, then any condition on the figures, in reading order. */
  notes: TrafficMessage[];
  cells: ReadonlyMap<string, ShareCell>;
}

export const dualStackIpVersion = 46;
/** LoadBalancerConstants.BALANCER_WEIGHT_default: a ref without a weight has this one. */
export const zstackDefaultWeight = 100;

/** HAProxy servers of a ref: VirtualRouterLoadBalancerBackend adds both addresses of a dual-stack ref. */
export const serversOf = (ref: { ipVersion?: number | null }): number =>
  ref.ipVersion === dualStackIpVersion ? 2 : 1;

/** In the listener's configuration: every status but `Inactive`. */
export const inConfiguration = (status: string | null | undefined): boolean => status !== 'Inactive';

const none: ShareCell = { kind: 'none' };
const inactive: ShareCell = { kind: 'excluded', reason: msg('traffic.cell.inactive') };
const down: ShareCell = { kind: 'excluded', reason: msg('traffic.cell.down') };
const invalid: ShareCell = { kind: 'excluded', reason: msg('traffic.cell.invalidWeight') };

function modeOf(algorithm: string | undefined): { mode: ShareMode; note: TrafficMessage } {
  if (algorithm === undefined) return { mode: 'none', note: msg('traffic.share.algorithmUnknown') };
  if (!isAlgorithm(algorithm))
    return { mode: 'none', note: msg('traffic.share.otherAlgorithm', { name: algorithm }) };
  switch (algorithm) {
    case 'weightroundrobin':
      return { mode: 'weighted', note: msg('traffic.share.weighted') };
    case 'roundrobin':
      return { mode: 'equal', note: msg('traffic.share.equal') };
    case 'leastconn':
      return { mode: 'none', note: msg('traffic.share.leastconn') };
    case 'source':
      return { mode: 'none', note: msg('traffic.share.source') };
  }
}

/** The shares on one listener. Linear in the number of backends. */
export function listenerShares(backends: readonly ShareBackend[], listener: ShareListener): ListenerShares {
  const { mode: algorithmMode, note } = modeOf(listener.algorithm);
  const notes = [note];
  const pooled = !listener.routedByRules && listener.peers !== undefined;
  const peers = pooled ? listener.peers : undefined;
  let mode = algorithmMode;
  if (mode !== 'none' && peers === 'unknown') {
    mode = 'none';
    notes.push(msg('traffic.share.poolUnknown'));
  }
  if (listener.routedByRules) notes.push(msg('traffic.share.routedByRules'));
  else if (peers && peers !== 'unknown' && peers.groupNames.length)
    notes.push(msg('traffic.share.pooledWithOthers', { groups: peers.groupNames.join(', ') }));

  const cells = new Map<string, ShareCell>();
  // What is excluded is a fact whatever the algorithm; who counts, and how much, depends on it.
  const counted: ShareBackend[] = [];
  for (const b of backends) {
    if (!inConfiguration(b.status)) cells.set(b.key, inactive);
    else if (listener.down?.has(b.key)) cells.set(b.key, down);
    else if (b.weight === null && mode === 'weighted') cells.set(b.key, invalid);
    else {
      cells.set(b.key, none);
      counted.push(b);
    }
  }
  if (mode === 'weighted' && listener.protocol === 'udp' && counted.some((b) => b.weight === 0)) {
    notes.push(msg('traffic.share.udpWeightZero'));
    return { listenerUuid: listener.uuid, mode: 'none', notes, cells };
  }
  if (mode === 'none') return { listenerUuid: listener.uuid, mode, notes, cells };

  const peerPool = peers && peers !== 'unknown' ? peers : { weightSum: 0, servers: 0 };
  const part = (b: ShareBackend) => (mode === 'weighted' ? (b.weight ?? 0) : 1) * (b.servers ?? 1);
  let total = mode === 'weighted' ? peerPool.weightSum : peerPool.servers;
  for (const b of counted) total += part(b);
  if (total <= 0) notes.push(msg('traffic.share.noTraffic'));
  for (const b of counted) {
    const percent = total > 0 ? (part(b) / total) * 100 : 0;
    const zero = mode === 'weighted' && b.weight === 0;
    cells.set(
      b.key,
      zero ? { kind: 'share', percent, note: msg('traffic.cell.weightZero') } : { kind: 'share', percent },
    );
  }
  return { listenerUuid: listener.uuid, mode, notes, cells };
}

export interface GroupShares {
  listeners: ListenerShares[];
  /** Every listener gives every backend the same cell and the same notes: one column says it all. */
  uniform: boolean;
  /** Listeners on which weights decide the split (weighted round robin). */
  weightedListeners: string[];
}

const sameMessage = (a: TrafficMessage, b: TrafficMessage) =>
  a.key === b.key && JSON.stringify(a.values ?? {}) === JSON.stringify(b.values ?? {});

function sameCell(a: ShareCell | undefined, b: ShareCell | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return a === b;
  if (a.kind === 'share' && b.kind === 'share')
    return a.percent === b.percent && (a.note?.key ?? '') === (b.note?.key ?? '');
  if (a.kind === 'excluded' && b.kind === 'excluded') return sameMessage(a.reason, b.reason);
  return true;
}

function sameShares(a: ListenerShares, b: ListenerShares): boolean {
  if (a.mode !== b.mode || a.notes.length !== b.notes.length || a.cells.size !== b.cells.size) return false;
  if (!a.notes.every((n, i) => sameMessage(n, b.notes[i]!))) return false;
  for (const [key, cell] of a.cells) if (!sameCell(cell, b.cells.get(key))) return false;
  return true;
}

/** The shares of a group's backends on each of its listeners. Linear in backends × listeners. */
export function groupShares(
  backends: readonly ShareBackend[],
  listeners: readonly ShareListener[],
): GroupShares {
  const results = listeners.map((l) => listenerShares(backends, l));
  const first = results[0];
  return {
    listeners: results,
    uniform: first !== undefined && results.every((r) => r === first || sameShares(first, r)),
    weightedListeners: results.filter((r) => r.mode === 'weighted').map((r) => r.listenerUuid),
  };
}

export interface PendingChange {
  /** Rows staged for AddBackendServerToServerGroup (their weight null while not valid). */
  staged?: readonly ShareBackend[];
  /** New weights typed for current backends, by key. */
  weights?: ReadonlyMap<string, number | null>;
  /** Backends about to be removed. */
  removed?: ReadonlySet<string>;
}

/** The share after the change: current backends as they will be, plus the staged rows, attached `Active`. */
export function sharesAfterChange(
  current: readonly ShareBackend[],
  change: PendingChange,
  listeners: readonly ShareListener[],
): GroupShares {
  const after: ShareBackend[] = [];
  for (const b of current) {
    if (change.removed?.has(b.key)) continue;
    const weight = change.weights?.get(b.key);
    after.push(weight === undefined ? b : { ...b, weight });
  }
  for (const s of change.staged ?? []) after.push({ ...s, status: s.status ?? 'Active' });
  return groupShares(after, listeners);
}

/**
 * What a weight input says about its effect: nothing when every listener uses weights, else that they
 * have none, or on which listeners only they do.
 */
export function weightEffect(
  listeners: readonly { name: string; algorithm: string | undefined }[],
): TrafficMessage | undefined {
  const weighted = listeners.filter((l) => l.algorithm === 'weightroundrobin');
  if (weighted.length === listeners.length) return undefined;
  if (!weighted.length) return msg('traffic.share.weightsNoEffect');
  return msg('traffic.share.weightsSomeListeners', { listeners: weighted.map((l) => l.name).join(', ') });
}
