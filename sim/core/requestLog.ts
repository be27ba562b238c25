import { isJsonObject, JavaNumber, parseJsonValue, type Json } from '../http/json.ts';

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

/** Nesting kept in a logged body; deeper values read "…". */
const MAX_LOGGED_DEPTH = 32;

/** A copy of a parsed body with every password-like member masked. */
export function maskJson(v: Json, depth = 0): unknown {
  if (v instanceof JavaNumber) return v.value;
  if (depth >= MAX_LOGGED_DEPTH && (Array.isArray(v) || isJsonObject(v))) return '…';
  if (Array.isArray(v)) return v.map((x) => maskJson(x, depth + 1));
  if (isJsonObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = SECRET_KEY.test(k) ? MASK : maskJson(x, depth + 1);
    return out;
  }
  return v;
}

export function maskQuery(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const value = SECRET_KEY.test(k) ? MASK : v;
    const prev = out[k];
    if (prev === undefined) out[k] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[k] = [prev, value];
  }
  return out;
}

/** Bodies up to this many characters are logged parsed (passwords masked); longer ones are cut. */
const MAX_PARSED_BODY = 64 * 1024;
/** How much of a longer body the log keeps. */
const PREVIEW_CHARS = 1024;

/** A copy that shares no memory with `s` (a slice would keep the whole request body alive). */
const detached = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/** What the log keeps of a request body: parsed and masked when small, the start of the text when large. */
export function logBody(text: string): unknown {
  if (text.trim() === '') return null;
  if (text.length > MAX_PARSED_BODY) {
    if (SECRET_KEY.test(text)) return MASK;
    return `${detached(text.slice(0, PREVIEW_CHARS))}… (${Buffer.byteLength(text)} bytes, cut)`;
  }
  try {
    return maskJson(parseJsonValue(text));
  } catch {
    return SECRET_KEY.test(text) ? MASK : text;
  }
}

/** Roughly what a record costs in memory (UTF-16 strings and object overhead). */
function sizeOf(r: RequestRecord): number {
  let chars = r.method.length + r.path.length;
  for (const [k, v] of Object.entries(r.query)) {
    chars += k.length;
    for (const x of Array.isArray(v) ? v : [v]) chars += x.length + 8;
  }
  if (typeof r.body === 'string') chars += r.body.length;
  else if (r.body !== null && r.body !== undefined) chars += JSON.stringify(r.body).length * 2;
  return 2 * chars + 200;
}

/** The log keeps at most this many records, and at most about this many bytes of them. */
const MAX_ENTRIES = 100_000;
const MAX_BYTES = 32 * 1024 * 1024;

/** What the wire carried since the last reset/clear (never the Authorization header or a password). */
export class RequestLog {
  private entries: RequestRecord[] = [];
  private sizes: number[] = [];
  private head = 0;
  private bytes = 0;

  add(r: RequestRecord): RequestRecord {
    const size = sizeOf(r);
    this.entries.push(r);
    this.sizes.push(size);
    this.bytes += size;
    while (
      this.entries.length - this.head > MAX_ENTRIES ||
      (this.bytes > MAX_BYTES && this.head < this.entries.length - 1)
    ) {
      this.bytes -= this.sizes[this.head] ?? 0;
      this.head++;
    }
    // drop the forgotten records in batches, not one shift per request
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
    }
    return r;
  }

  list(): readonly RequestRecord[] {
    return this.head === 0 ? this.entries : this.entries.slice(this.head);
  }

  clear(): void {
    this.entries = [];
    this.sizes = [];
    this.head = 0;
    this.bytes = 0;
  }
}
