import { isJsonObject, JavaNumber, type Json } from '../http/json.ts';

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  jobUuid: string | null;
  status: number | null;
  dropped?: boolean;
}

const MASK = '*****';
const SECRET_KEY = /password/i;

/** A copy of a parsed body with every password-like member masked. */
export function maskJson(v: Json): unknown {
  if (v instanceof JavaNumber) return v.value;
  if (Array.isArray(v)) return v.map(maskJson);
  if (isJsonObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = SECRET_KEY.test(k) ? MASK : maskJson(x);
    return out;
  }
  return v;
}

export function maskQuery(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const value = SECRET_KEY.test(k) ? MASK : v;
    const prev = out[k];
    out[k] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** Oldest entries are dropped (in batches) beyond this, so a long-running dev server does not grow without bound. */
const MAX_ENTRIES = 100_000;

/** What the wire carried since the last reset/clear (never the Authorization header or a password). */
export class RequestLog {
  private entries: RequestRecord[] = [];

  add(r: RequestRecord): RequestRecord {
    this.entries.push(r);
    if (this.entries.length > MAX_ENTRIES + 10_000) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return r;
  }

  list(): readonly RequestRecord[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
