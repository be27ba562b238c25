/**
 * What the simulator's ZWatch reports for load balancer backends (ZWatch is closed source: see sim/README.md
 * "ZWatch"). One series per listener and backend address: LoadBalancerBackendStatus (1 up, 0 down) and
 * LoadBalancerBackendConcurrentSessionNumber. A backend is up when its VM runs and its ref is Active (server
 * IPs: always) unless marked down; sessions are 0 unless set, and fall linearly to 0 within DRAIN_MS once the
 * backend's weight is 0 (the weight is read from the model when asked).
 */
import type { Listener, LoadBalancer } from './types.ts';
import type { World } from './world.ts';

export const LB_NAMESPACE = 'ZStack/LoadBalancer';
export const STATUS_METRIC = 'LoadBalancerBackendStatus';
export const SESSIONS_METRIC = 'LoadBalancerBackendConcurrentSessionNumber';
export const DRAIN_MS = 3000;

interface Mark {
  /** Forced up (true) or down (false); undefined: as the model says. */
  up?: boolean;
  sessions?: number;
  /** When `sessions` was set (a drain starts at the later of this and the weight change). */
  setAt: number;
}

export interface Backend {
  lb: LoadBalancer;
  listener: Listener;
  ip: string;
  weight: number;
  /** The weight's last change (the ref's lastOpDate). */
  weightChangedAt: number;
  /** What the model says: the VM runs and the ref is Active (always true for server IPs). */
  serving: boolean;
}

const MARKS = new WeakMap<World, Map<string, Mark>>();
/** ZWatch switched on or off by /__sim/zwatch for this world (a reset goes back to SIM_ZWATCH). */
const SWITCHED = new WeakMap<World, boolean>();

/** Whether ZWatch answers: switched for this world, else `byDefault` (SIM_ZWATCH). */
export function zwatchOn(w: World, byDefault: boolean): boolean {
  return SWITCHED.get(w) ?? byDefault;
}

export function switchZWatch(w: World, on: boolean): void {
  SWITCHED.set(w, on);
}
const keyOf = (listenerUuid: string, ip: string) => `${listenerUuid}/${ip.toLowerCase()}`;

function marksOf(w: World): Map<string, Mark> {
  let m = MARKS.get(w);
  if (!m) {
    m = new Map();
    MARKS.set(w, m);
  }
  return m;
}

/** Every backend address of every listener of the load balancers, in table order. */
export function* backends(w: World, lbs: Iterable<LoadBalancer>): Iterable<Backend> {
  for (const lb of lbs) {
    for (const listenerUuid of lb.listenerUuids) {
      const listener = w.listeners.get(listenerUuid);
      if (!listener) continue;
      for (const ref of listener.serverGroupRefs) {
        const sg = w.serverGroups.get(ref.serverGroupUuid);
        if (!sg) continue;
        for (const nicRef of sg.nicRefs) {
          const nic = w.nics.get(nicRef.vmNicUuid);
          if (!nic) continue;
          const ip =
            nicRef.ipVersion === nic.ipVersion
              ? nic.ip
              : (nic.secondaryIps?.find((x) => x.includes(':') === (nicRef.ipVersion === 6)) ?? nic.ip);
          const vm = w.vms.get(nic.vmInstanceUuid);
          yield {
            lb,
            listener,
            ip,
            weight: nicRef.weight,
            weightChangedAt: nicRef.lastOpDate,
            serving: vm?.state === 'Running' && nicRef.status === 'Active',
          };
        }
        for (const s of sg.serverIps) {
          yield {
            lb,
            listener,
            ip: s.ipAddress,
            weight: s.weight,
            weightChangedAt: s.lastOpDate,
            serving: true,
          };
        }
      }
    }
  }
}

export function isUp(w: World, b: Backend): boolean {
  return marksOf(w).get(keyOf(b.listener.uuid, b.ip))?.up ?? b.serving;
}

/** Concurrent sessions at time `at` (ms). */
export function sessionsAt(w: World, b: Backend, at: number): number {
  const mark = marksOf(w).get(keyOf(b.listener.uuid, b.ip));
  const base = mark?.sessions ?? 0;
  if (!isUp(w, b) || base === 0) return 0;
  if (b.weight > 0) return base;
  const from = Math.max(b.weightChangedAt, mark?.setAt ?? 0);
  return Math.max(0, Math.round(base * (1 - (at - from) / DRAIN_MS)));
}

/** The /__sim control: marks the backend `ip` up or down and/or sets its sessions, on one listener or all. */
export function markBackend(
  w: World,
  target: { ip: string; listenerUuid?: string; up?: boolean | null; sessions?: number },
): string[] {
  const marks = marksOf(w);
  const changed: string[] = [];
  for (const b of backends(w, w.loadBalancers.list)) {
    if (b.ip.toLowerCase() !== target.ip.toLowerCase()) continue;
    if (target.listenerUuid && b.listener.uuid !== target.listenerUuid) continue;
    const key = keyOf(b.listener.uuid, b.ip);
    const mark = marks.get(key) ?? { setAt: Date.now() };
    if (target.up !== undefined) mark.up = target.up ?? undefined;
    if (target.sessions !== undefined) {
      mark.sessions = target.sessions;
      mark.setAt = Date.now();
    }
    marks.set(key, mark);
    changed.push(key);
  }
  return changed;
}

export function clearMarks(w: World): void {
  marksOf(w).clear();
}
