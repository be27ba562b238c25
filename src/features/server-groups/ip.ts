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
