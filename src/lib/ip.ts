import * as z from 'zod/mini';

const ipv4 = z.ipv4();
const ipv6 = z.ipv6();

export function ipVersionOf(text: string): 4 | 6 | undefined {
  if (ipv4.safeParse(text).success) return 4;
  if (ipv6.safeParse(text).success) return 6;
  return undefined;
}

export const isIp = (text: string): boolean => ipVersionOf(text) !== undefined;

/**
 * One spelling per address, so that "FD00:0::5" and "fd00::5" count as the same backend: IPv4 as is
 * (zod already refuses leading zeros), IPv6 in RFC 5952 form (lower case, longest zero run compressed).
 * Anything that is not an address comes back trimmed and lower-cased.
 */
export function canonicalIp(text: string): string {
  const value = text.trim().toLowerCase();
  if (ipVersionOf(value) !== 6) return value;
  const groups = expandIpv6(value);
  return groups ? compressIpv6(groups) : value;
}

function expandIpv6(value: string): number[] | undefined {
  const lastColon = value.lastIndexOf(':');
  const last = value.slice(lastColon + 1);
  if (!last.includes('.')) return expandIpv6Hex(value);
  // an embedded IPv4 tail (::ffff:192.0.2.1) stands for the last two groups
  const [a = 0, b = 0, c = 0, d = 0] = last.split('.').map(Number);
  const tail = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  return expandIpv6Hex(`${value.slice(0, lastColon + 1)}${tail}`);
}

function expandIpv6Hex(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return undefined;
  return [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...rest];
}

function compressIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < groups.length;) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j += 1;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLength < 2) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLength).join(':');
  return `${head}::${tail}`;
}

/**
 * Orders addresses as numbers (10.0.0.9 before 10.0.0.10), IPv4 before IPv6; what is not an address
 * comes last, as text.
 */
export function compareIps(a: string, b: string): number {
  const ka = ipSortKey(a);
  const kb = ipSortKey(b);
  if (ka && kb) {
    for (let i = 0; i < ka.length; i += 1) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return 0;
  }
  if (ka) return -1;
  if (kb) return 1;
  return a.localeCompare(b);
}

/** [version, groups...]: IPv4 as its four bytes, IPv6 as its eight 16-bit groups. */
function ipSortKey(text: string): number[] | undefined {
  const version = ipVersionOf(text.trim());
  if (version === 4) return [4, ...text.trim().split('.').map(Number), 0, 0, 0, 0];
  if (version === 6) {
    const groups = expandIpv6(text.trim().toLowerCase());
    return groups ? [6, ...groups] : undefined;
  }
  return undefined;
}
