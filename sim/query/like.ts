/**
 * SQL LIKE the way the simulator's MySQL-like comparisons work: `%` is any run of characters (also
 * none), `_` exactly one character (a code point, as MySQL's utf8 counts them), a backslash makes the
 * next character literal (a backslash at the very end stands for itself); letters compare
 * case-insensitively (simple lower case, as every string comparison of the simulator).
 *
 * The time is linear in the length of the value, whatever the pattern: a pattern is split at `%` into
 * segments; the first must start the value, the last must end it, and each segment in between is found
 * at its leftmost place after the previous one (taking the leftmost place never loses a match, since
 * `%` absorbs whatever is skipped). A segment of plain characters is a substring search; one with `_`
 * is searched bit-parallel (Shift-And, one 32-bit word per 32 characters of the segment). Nothing
 * backtracks, so a pattern like `_%_%_%...!` costs what `%abc%` costs.
 */

const ANY = -1;
const PERCENT = 37;
const UNDERSCORE = 95;
const BACKSLASH = 92;

function foldCodePoint(cp: number): number {
  if (cp < 128) return cp >= 65 && cp <= 90 ? cp + 32 : cp;
  const lower = String.fromCodePoint(cp).toLowerCase();
  const l = lower.codePointAt(0) ?? cp;
  // a lower case of more than one code point (U+0130 → i + combining dot) keeps the letter itself
  return lower.length === (l > 0xffff ? 2 : 1) ? l : cp;
}

/** Anything but printable ASCII and common whitespace (whose lower case is one character each). */
const NOT_PLAIN_ASCII = /[^ -~\t\n\r]/u;

/** The value with every code point folded as foldCodePoint folds it (same number of code points). */
function fold(s: string): string {
  if (!NOT_PLAIN_ASCII.test(s)) return s.toLowerCase();
  return Array.from(s, (c) => String.fromCodePoint(foldCodePoint(c.codePointAt(0) ?? 0))).join('');
}

function codePoints(s: string): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i) ?? 0;
    out[n++] = cp;
    i += cp > 0xffff ? 2 : 1;
  }
  return out.subarray(0, n);
}

type Segment = number[];

/** The pattern's segments between `%`, as folded code points with ANY for `_`. */
function segmentsOf(pattern: string): { segments: Segment[]; percent: boolean } {
  const segments: Segment[] = [[]];
  let percent = false;
  const cps = codePoints(pattern);
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i] ?? 0;
    const current = segments[segments.length - 1] ?? [];
    if (cp === BACKSLASH && i + 1 < cps.length) current.push(foldCodePoint(cps[++i] ?? 0));
    else if (cp === PERCENT) {
      percent = true;
      segments.push([]);
    } else if (cp === UNDERSCORE) current.push(ANY);
    else current.push(foldCodePoint(cp));
  }
  return { segments, percent };
}

/** Shift-And search of one segment: the leftmost start in [from, to) where all of it fits, or -1. */
class SegmentSearch {
  private readonly words: number;
  private readonly masks = new Map<number, Uint32Array>();
  private readonly anyMask: Uint32Array;
  private readonly state: Uint32Array;

  constructor(private readonly segment: Segment) {
    this.words = Math.ceil(segment.length / 32);
    this.anyMask = new Uint32Array(this.words);
    this.state = new Uint32Array(this.words);
    segment.forEach((cp, i) => {
      if (cp === ANY) this.anyMask[i >> 5] = (this.anyMask[i >> 5] ?? 0) | (1 << (i & 31));
    });
    segment.forEach((cp, i) => {
      if (cp === ANY) return;
      let mask = this.masks.get(cp);
      if (!mask) {
        mask = Uint32Array.from(this.anyMask);
        this.masks.set(cp, mask);
      }
      mask[i >> 5] = (mask[i >> 5] ?? 0) | (1 << (i & 31));
    });
  }

  find(value: Int32Array, from: number, to: number): number {
    const k = this.segment.length;
    const last = k - 1;
    const d = this.state;
    d.fill(0);
    for (let i = from; i < to; i++) {
      const mask = this.masks.get(value[i] ?? 0) ?? this.anyMask;
      let carry = 1;
      for (let w = 0; w < this.words; w++) {
        const word = d[w] ?? 0;
        d[w] = (((word << 1) | carry) & (mask[w] ?? 0)) >>> 0;
        carry = word >>> 31;
      }
      if (((d[last >> 5] ?? 0) >>> (last & 31)) & 1) return i - last;
    }
    return -1;
  }
}

function matchesAt(segment: Segment, value: Int32Array, at: number): boolean {
  for (let j = 0; j < segment.length; j++) {
    const p = segment[j];
    if (p !== ANY && p !== value[at + j]) return false;
  }
  return true;
}

/** Compiles a LIKE pattern once; the matcher then runs in time linear in each value's length. */
export function likeMatcher(pattern: string): (value: string) => boolean {
  const { segments, percent } = segmentsOf(pattern);
  const first = segments[0] ?? [];
  const lastSegment = segments[segments.length - 1] ?? [];
  const middle = segments.slice(1, -1).filter((s) => s.length > 0);
  const need = segments.reduce((n, s) => n + s.length, 0);

  if (!segments.some((s) => s.includes(ANY))) {
    // plain characters only: substring operations on the folded value
    const text = (s: Segment) => s.map((cp) => String.fromCodePoint(cp)).join('');
    const [head, tail, inner] = [text(first), text(lastSegment), middle.map(text)];
    if (!percent) return (value) => fold(value) === head;
    const needUnits = head.length + tail.length + inner.reduce((n, s) => n + s.length, 0);
    return (value) => {
      const v = fold(value);
      if (v.length < needUnits || !v.startsWith(head) || !v.endsWith(tail)) return false;
      let pos = head.length;
      const end = v.length - tail.length;
      for (const s of inner) {
        const at = v.indexOf(s, pos);
        if (at < 0 || at + s.length > end) return false;
        pos = at + s.length;
      }
      return true;
    };
  }

  const searches = middle.map((s) => ({ search: new SegmentSearch(s), length: s.length }));
  return (value) => {
    const v = codePoints(fold(value));
    if (!percent) return v.length === first.length && matchesAt(first, v, 0);
    if (v.length < need) return false;
    const end = v.length - lastSegment.length;
    if (!matchesAt(first, v, 0) || !matchesAt(lastSegment, v, end)) return false;
    let pos = first.length;
    for (const { search, length } of searches) {
      const at = search.find(v, pos, end);
      if (at < 0) return false;
      pos = at + length;
    }
    return true;
  };
}
