/**
 * SQL LIKE the way the simulator's MySQL-like comparisons work: `%` is any run of characters (also
 * none), `_` exactly one character (a code point, as MySQL's utf8 counts them), a backslash makes the
 * next character literal (a backslash at the very end stands for itself); letters compare
 * case-insensitively, with the case folding of a JavaScript RegExp's `i` flag.
 *
 * The time is linear in the length of the value, whatever the pattern: a pattern is split at `%` into
 * segments; the first must start the value, the last must end it, and each segment in between is found
 * at its leftmost place after the previous one (taking the leftmost place never loses a match, since
 * `%` absorbs whatever is skipped). Short segments of plain characters are found by a RegExp of those
 * characters alone (no quantifier: nothing to backtrack, at most the segment's length per position);
 * segments with `_`, or long ones, are searched bit-parallel (Shift-And, one 32-bit word per 32
 * characters). So a pattern like `_%_%_%...!` costs what `%abc%` costs.
 */

const ANY = -1;
const PERCENT = 37;
const UNDERSCORE = 95;
const BACKSLASH = 92;

/**
 * A RegExp's `i` canonicalization (without `u`): a code unit's upper case, unless that is more than one
 * unit or turns a non-ASCII character into an ASCII one.
 */
function canonical(cp: number): number {
  if (cp < 128) return cp >= 97 && cp <= 122 ? cp - 32 : cp;
  if (cp > 0xffff) return cp;
  const upper = String.fromCharCode(cp).toUpperCase();
  const u = upper.charCodeAt(0);
  return upper.length !== 1 || u < 128 ? cp : u;
}

/** The string's code points, canonicalized, in `into` when it is large enough (one buffer per matcher). */
function codePoints(s: string, into?: Int32Array): Int32Array {
  const out = into && into.length >= s.length ? into : new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length;) {
    const unit = s.charCodeAt(i);
    if (unit < 128) {
      out[n++] = unit >= 97 && unit <= 122 ? unit - 32 : unit;
      i++;
      continue;
    }
    const cp = s.codePointAt(i) ?? 0;
    out[n++] = canonical(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return out.subarray(0, n);
}

type Segment = number[];

/** The pattern's segments between `%`, as canonical code points with ANY for `_`. */
function segmentsOf(pattern: string): { segments: Segment[]; percent: boolean } {
  const segments: Segment[] = [[]];
  let percent = false;
  const cps = codePoints(pattern);
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i] ?? 0;
    const current = segments[segments.length - 1] ?? [];
    if (cp === BACKSLASH && i + 1 < cps.length) current.push(cps[++i] ?? 0);
    else if (cp === PERCENT) {
      percent = true;
      segments.push([]);
    } else if (cp === UNDERSCORE) current.push(ANY);
    else current.push(cp);
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

/** Segments of plain characters up to this length are searched with a RegExp of them. */
const LITERAL_SEARCH_MAX = 64;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Compiles a LIKE pattern once; the matcher then runs in time linear in each value's length. */
export function likeMatcher(pattern: string): (value: string) => boolean {
  const { segments, percent } = segmentsOf(pattern);
  const first = segments[0] ?? [];
  const lastSegment = segments[segments.length - 1] ?? [];
  const middle = segments.slice(1, -1).filter((s) => s.length > 0);

  if (segments.every((s) => !s.includes(ANY) && s.length <= LITERAL_SEARCH_MAX)) {
    // Plain characters: RegExps of literal characters with the i flag, on the value as it is. Each
    // pattern character matches one code unit, so lengths in code units tell what fits.
    const text = (s: Segment) => s.map((cp) => String.fromCodePoint(cp)).join('');
    const [head, tail, inner] = [text(first), text(lastSegment), middle.map(text)];
    if (!percent) {
      const exact = new RegExp(`^${escapeRegExp(head)}$`, 'i');
      return (value) => exact.test(value);
    }
    if (head === '' && tail === '' && inner.length === 1) {
      const only = new RegExp(escapeRegExp(inner[0] ?? ''), 'i');
      return (value) => only.test(value);
    }
    const starts = new RegExp(`^${escapeRegExp(head)}`, 'i');
    const ends = new RegExp(`${escapeRegExp(tail)}$`, 'i');
    const searches = inner.map((s) => ({ re: new RegExp(escapeRegExp(s), 'gi'), length: s.length }));
    const need = head.length + tail.length + inner.reduce((n, s) => n + s.length, 0);
    return (value) => {
      if (value.length < need || !starts.test(value) || !ends.test(value)) return false;
      let pos = head.length;
      const end = value.length - tail.length;
      for (const { re, length } of searches) {
        re.lastIndex = pos;
        const at = re.exec(value)?.index ?? -1;
        if (at < 0 || at + length > end) return false;
        pos = at + length;
      }
      return true;
    };
  }

  const need = segments.reduce((n, s) => n + s.length, 0);
  const searches = middle.map((s) => ({ search: new SegmentSearch(s), length: s.length }));
  let buffer = new Int32Array(64);
  return (value) => {
    if (value.length > buffer.length) buffer = new Int32Array(value.length * 2);
    const v = codePoints(value, buffer);
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
