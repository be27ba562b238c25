import { persistsSessions, type ListenerSettings } from './listenerSettings';
import { msg, type TrafficMessage } from './messages';

/**
 * Draining a backend: weight 0 stops new connections under weighted round robin (HAProxy's static-rr with
 * `weight 0`), while open ones finish; once ZWatch counts no open session it is drained, and can be
 * removed or given its weight back. Under any other algorithm the router writes no weight (zstack-vyos
 * plugin/lb.go), so weight 0 changes nothing: drain is refused there and removal offered instead; on a
 * UDP listener (gobetween) weight 0 would stop the whole listener, so drain is refused there too.
 * Pure functions: the UI keeps the records (drainStore.ts) and sends the bodies with its job mutation.
 */
export type BackendRef = { kind: 'nic'; uuid: string } | { kind: 'ip'; ipAddress: string };

export interface DrainTarget {
  key: string;
  ref: BackendRef;
  weight: number;
  /** How the admin knows it (a VM name, an IP), for the sentences. */
  label: string;
  /** Its address, the label ZWatch counts its sessions by (a NIC's IP; a server IP). */
  ip?: string;
}

export interface DrainListener {
  uuid: string;
  name: string;
  protocol?: string;
  /** undefined while the listener's tags are not read. */
  algorithm: string | undefined;
}

export interface DrainContext {
  listeners: readonly DrainListener[];
  /** The load balancer's type: on a `Shared` one ZStack changes no server IP's weight. */
  loadBalancerType?: string | null;
  settings?: ReadonlyMap<string, ListenerSettings>;
}

/** What the console remembers of a drain: the weight to give back. */
export interface DrainRecord {
  key: string;
  ref: BackendRef;
  label: string;
  ip?: string;
  /** The weight before the drain; null when it was 0 already (the admin chooses one to restore). */
  previousWeight: number | null;
  /** When the weight became 0 (ms since the epoch). */
  since: number;
}

export interface ChangeBackendsBody {
  changeLoadBalancerBackendServer: {
    vmNics?: { uuid: string; weight: string }[];
    servers?: { ipAddress: string; weight: string }[];
  };
}

/**
 * ChangeLoadBalancerBackendServer's body for several backends in one request, as the server reads it:
 * weights as strings (LoadBalancerApiInterceptor parses `Long.valueOf(map.get("weight"))`).
 */
export function changeWeightsBody(
  changes: readonly { ref: BackendRef; weight: number }[],
): ChangeBackendsBody {
  const vmNics: { uuid: string; weight: string }[] = [];
  const servers: { ipAddress: string; weight: string }[] = [];
  for (const { ref, weight } of changes)
    if (ref.kind === 'nic') vmNics.push({ uuid: ref.uuid, weight: String(weight) });
    else servers.push({ ipAddress: ref.ipAddress, weight: String(weight) });
  return {
    changeLoadBalancerBackendServer: {
      ...(vmNics.length ? { vmNics } : {}),
      ...(servers.length ? { servers } : {}),
    },
  };
}

export type DrainPlan =
  | {
      ok: true;
      /** null when every target's weight is 0 already: nothing to send. */
      body: ChangeBackendsBody | null;
      records: DrainRecord[];
      /** Targets that cannot be drained, each with the reason: offer their removal. */
      refused: { key: string; reason: TrafficMessage }[];
      notes: TrafficMessage[];
    }
  | { ok: false; reason: TrafficMessage; offer: 'remove' };

/** Why weight 0 would not drain on these listeners, if it would not. */
function algorithmRefusal(listeners: readonly DrainListener[]): TrafficMessage | undefined {
  if (!listeners.length) return msg('traffic.drain.noListener');
  if (listeners.some((l) => l.algorithm === undefined)) return msg('traffic.drain.refusedAlgorithmUnknown');
  const idle = listeners.filter((l) => l.algorithm !== 'weightroundrobin');
  if (idle.length)
    return msg('traffic.drain.refusedAlgorithm', { listeners: idle.map((l) => l.name).join(', ') });
  // gobetween's weighted balancer refuses every client while a backend has weight 0 (balance/weight.go)
  const udp = listeners.filter((l) => l.protocol === 'udp');
  if (udp.length) return msg('traffic.drain.refusedUdp', { listeners: udp.map((l) => l.name).join(', ') });
  return undefined;
}

/** What ZStack will not change the weight of (LoadBalancerApiInterceptor, ChangeLoadBalancerBackendServer). */
function targetRefusal(t: DrainTarget, ctx: DrainContext): TrafficMessage | undefined {
  if (t.ref.kind !== 'ip') return undefined;
  if (t.ref.ipAddress.includes(':')) return msg('traffic.drain.refusedIpv6', { ip: t.ref.ipAddress });
  if (ctx.loadBalancerType === 'Shared') return msg('traffic.drain.refusedShared', { ip: t.ref.ipAddress });
  return undefined;
}

/** Plans the drain of one or several backends of a group: what to send, what to remember. */
export function planDrain(targets: readonly DrainTarget[], ctx: DrainContext, now = Date.now()): DrainPlan {
  const refusal = algorithmRefusal(ctx.listeners);
  if (refusal) return { ok: false, reason: refusal, offer: 'remove' };
  const refused: { key: string; reason: TrafficMessage }[] = [];
  const records: DrainRecord[] = [];
  for (const t of targets) {
    const reason = targetRefusal(t, ctx);
    if (reason) refused.push({ key: t.key, reason });
    else
      records.push({
        key: t.key,
        ref: t.ref,
        label: t.label,
        ...(t.ip !== undefined ? { ip: t.ip } : {}),
        previousWeight: t.weight > 0 ? t.weight : null,
        since: now,
      });
  }
  if (!records.length && refused[0]) return { ok: false, reason: refused[0].reason, offer: 'remove' };
  const changes = records.filter((r) => r.previousWeight !== null).map((r) => ({ ref: r.ref, weight: 0 }));
  const notes: TrafficMessage[] = [];
  const persistent = ctx.listeners
    .map((l) => ctx.settings?.get(l.uuid))
    .find((s) => s !== undefined && persistsSessions(s));
  if (persistent?.sessionPersistence)
    notes.push(msg('traffic.drain.persistence', { mode: persistent.sessionPersistence }));
  return { ok: true, body: changes.length ? changeWeightsBody(changes) : null, records, refused, notes };
}

export type RestorePlan =
  | { ok: true; body: ChangeBackendsBody; keys: string[] }
  | { ok: false; missing: string[]; reason: TrafficMessage };

/**
 * Gives drained backends their weight back in one request: the remembered weight, or the one the admin
 * chose (`chosen`, by key) for a backend whose weight was 0 before.
 */
export function planRestore(
  records: readonly DrainRecord[],
  chosen: ReadonlyMap<string, number> = new Map(),
): RestorePlan {
  const missing = records.filter((r) => r.previousWeight === null && !chosen.has(r.key)).map((r) => r.key);
  if (missing.length) return { ok: false, missing, reason: msg('traffic.drain.previousUnknown') };
  const changes = records.map((r) => ({
    ref: r.ref,
    weight: chosen.get(r.key) ?? (r.previousWeight as number),
  }));
  return { ok: true, body: changeWeightsBody(changes), keys: records.map((r) => r.key) };
}

export type DrainState =
  /** Weight 0; ZWatch counts open sessions (undefined while its figure is not in yet). */
  | { phase: 'draining'; sessions: number | undefined }
  /** Weight 0 and no open session. */
  | { phase: 'drained' }
  /**
   * Weight 0: no new connections, but the console cannot see open ones: the node has no ZWatch, or
   * ZWatch has no session count for the backend.
   */
  | { phase: 'unverified'; since: number; why: 'noZWatch' | 'noData' }
  /** The backend has its weight again, or is gone: the record can be forgotten. */
  | { phase: 'over' };

/**
 * The state of a remembered drain from what the console reads now: the backend's current weight
 * (undefined when it is no longer in the group), and its open sessions as `sessionsOf` gives them, or
 * `absent` on a node without ZWatch.
 */
export function drainState(
  record: DrainRecord,
  currentWeight: number | undefined,
  sessions: number | 'noData' | 'absent' | undefined,
): DrainState {
  if (currentWeight === undefined || currentWeight !== 0) return { phase: 'over' };
  if (sessions === 'absent') return { phase: 'unverified', since: record.since, why: 'noZWatch' };
  if (sessions === 'noData') return { phase: 'unverified', since: record.since, why: 'noData' };
  if (sessions === 0) return { phase: 'drained' };
  return { phase: 'draining', sessions };
}

export type DrainAction = 'remove' | 'restore';

/** While sessions remain the drain can be undone; once drained (or unverifiable) the backend can go. */
export function drainActions(state: DrainState): DrainAction[] {
  switch (state.phase) {
    case 'draining':
      return ['restore'];
    case 'drained':
    case 'unverified':
      return ['remove', 'restore'];
    case 'over':
      return [];
  }
}

/** The sentence of a state. */
export function drainStatusText(state: DrainState): TrafficMessage | undefined {
  switch (state.phase) {
    case 'draining':
      return state.sessions === undefined
        ? msg('traffic.drain.draining')
        : msg('traffic.drain.sessions', { count: state.sessions });
    case 'drained':
      return msg('traffic.drain.drained');
    case 'unverified':
      return msg(state.why === 'noZWatch' ? 'traffic.drain.unverified' : 'traffic.drain.noSessionData', {
        since: new Date(state.since),
      });
    case 'over':
      return undefined;
  }
}
