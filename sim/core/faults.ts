import { isJsonObject, JavaNumber, type Json } from '../http/json.ts';
import { RestError, type ZStackErrorBody } from './errors.ts';

export type FaultKind = 'latency' | 'http-error' | 'drop' | 'malformed' | 'job-error' | 'job-hang';
const KINDS: readonly FaultKind[] = ['latency', 'http-error', 'drop', 'malformed', 'job-error', 'job-hang'];

export interface Fault {
  id: number;
  kind: FaultKind;
  method?: string;
  path: string;
  /** Remaining applications; undefined = until cleared. */
  times?: number;
  ms?: number;
  status?: number;
  error?: ZStackErrorBody;
  body?: string;
  phase?: 'before' | 'after';
}

const num = (v: Json | undefined): number | undefined => (v instanceof JavaNumber ? v.value : undefined);

function errorBodyOf(v: Json | undefined, what: string): ZStackErrorBody | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isJsonObject(v) || typeof v.code !== 'string')
    throw new RestError(400, `${what} must be a ZStack error object with at least "code"`);
  return JSON.parse(JSON.stringify(v)) as ZStackErrorBody;
}

/** Faults injected through POST /__sim/faults; several may be active and each counts its own `times`. */
export class Faults {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: Json): Fault {
    if (!isJsonObject(spec)) throw new RestError(400, 'a fault is a JSON object');
    const kind = spec.kind;
    if (typeof kind !== 'string' || !KINDS.includes(kind as FaultKind))
      throw new RestError(400, `"kind" must be one of ${KINDS.join(', ')}`);
    if (typeof spec.path !== 'string' || spec.path === '')
      throw new RestError(400, '"path" (a substring of path+query, or /regex/) is required');
    if (spec.path.length > 2 && spec.path.startsWith('/') && spec.path.endsWith('/')) {
      try {
        new RegExp(spec.path.slice(1, -1));
      } catch {
        throw new RestError(400, `"path" is not a valid regular expression: ${spec.path}`);
      }
    }
    const fault: Fault = { id: this.nextId++, kind: kind as FaultKind, path: spec.path };
    if (spec.method !== undefined && spec.method !== null) {
      if (typeof spec.method !== 'string') throw new RestError(400, '"method" must be a string');
      fault.method = spec.method.toUpperCase();
    }
    if (spec.times !== undefined && spec.times !== null) {
      const t = num(spec.times);
      if (t === undefined || !Number.isInteger(t) || t < 1)
        throw new RestError(400, '"times" must be a positive integer');
      fault.times = t;
    }
    switch (fault.kind) {
      case 'latency': {
        const ms = num(spec.ms);
        if (ms === undefined || ms < 0) throw new RestError(400, 'a latency fault needs "ms" >= 0');
        fault.ms = ms;
        break;
      }
      case 'http-error': {
        const status = num(spec.status);
        if (status === undefined || !Number.isInteger(status) || status < 200 || status > 599)
          throw new RestError(400, 'an http-error fault needs "status" (200..599)');
        fault.status = status;
        fault.error = errorBodyOf(spec.error, '"error"');
        if (typeof spec.body === 'string') fault.body = spec.body;
        break;
      }
      case 'drop': {
        const phase = spec.phase ?? 'before';
        if (phase !== 'before' && phase !== 'after')
          throw new RestError(400, '"phase" must be "before" or "after"');
        fault.phase = phase;
        break;
      }
      case 'job-error':
        fault.error = errorBodyOf(spec.error, '"error"') ?? {
          code: 'SYS.1006',
          description: 'An operation failed',
          details: 'the simulator was told to fail this job',
        };
        break;
      default:
        break;
    }
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return [...this.faults];
  }

  /** Active faults of these kinds that match the request, in the order they were added. */
  matching(method: string, targets: readonly string[], kinds: readonly FaultKind[]): Fault[] {
    return this.faults.filter((f) => {
      if (!kinds.includes(f.kind)) return false;
      if (f.method && f.method !== method.toUpperCase()) return false;
      if (f.path.length > 2 && f.path.startsWith('/') && f.path.endsWith('/')) {
        const re = new RegExp(f.path.slice(1, -1));
        return targets.some((t) => re.test(t));
      }
      return targets.some((t) => t.includes(f.path));
    });
  }

  /** Records one application of the fault; it disappears when its `times` are used up. */
  consume(f: Fault): void {
    if (f.times === undefined) return;
    f.times--;
    if (f.times <= 0) this.faults = this.faults.filter((x) => x !== f);
  }
}
