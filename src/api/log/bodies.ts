import type { ApiLogEntry, LoggedBody } from './types';

/**
 * The bodies the API log keeps whole, within a budget of characters over all entries; past it the
 * oldest are cut to a preview: answers first (they are there to be read), then requests (what "copy as"
 * repeats), so that a large write stays whole while it is recent.
 */
export class BodyBudget {
  /** Characters of the bodies kept whole. */
  wholeChars = 0;

  constructor(
    private readonly budget: number,
    private readonly previewChars: number,
  ) {}

  /** A body kept whole when it fits the budget on its own; counted until it is cut or released. */
  keep(text: string, plain: boolean): LoggedBody {
    const size = text.length;
    const kept: LoggedBody = size > this.budget ? this.preview(text, size) : { text, size, truncated: false };
    if (!kept.truncated) this.wholeChars += size;
    return plain ? { ...kept, plain } : kept;
  }

  /** A body the log no longer holds (its entry left, or a new answer replaced it). */
  release(body: LoggedBody | undefined): void {
    if (body && !body.truncated) this.wholeChars -= body.size;
  }

  clear(): void {
    this.wholeChars = 0;
  }

  /** The entries (newest first) with the oldest whole bodies cut until the whole ones fit the budget. */
  trim(entries: readonly ApiLogEntry[]): readonly ApiLogEntry[] {
    if (this.wholeChars <= this.budget) return entries;
    const out = [...entries];
    for (const part of ['response', 'request'] as const) {
      for (let i = out.length - 1; i >= 0 && this.wholeChars > this.budget; i--) {
        const e = out[i]!;
        const body = this.cut(e[part]);
        if (body !== e[part]) out[i] = { ...e, [part]: body };
      }
    }
    return out;
  }

  private preview(text: string, size: number): LoggedBody {
    return { text: detached(text.slice(0, this.previewChars)), size, truncated: true };
  }

  private cut(body: LoggedBody | undefined): LoggedBody | undefined {
    if (!body || body.truncated || body.size <= this.previewChars) return body;
    this.wholeChars -= body.size;
    return { ...this.preview(body.text, body.size), ...(body.plain ? { plain: true } : {}) };
  }
}

/**
 * A copy of a string that does not keep the one it was cut from alive: V8 makes a long `slice` a view
 * of its parent, so a 1000-character preview would otherwise hold the whole 5 MB body.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
