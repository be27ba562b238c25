import { isIPv6 } from 'node:net';

const IPV4_OCTET = '([01]?\\d\\d?|2[0-4]\\d|25[0-5])';
const IPV4 = new RegExp(`^${IPV4_OCTET}\\.${IPV4_OCTET}\\.${IPV4_OCTET}\\.${IPV4_OCTET}$`);

/** ZStack's NetworkUtils.isIpv4Address (a regex that also accepts leading zeros such as "010.0.0.1"). */
export function isIpv4(ip: string | null | undefined): boolean {
  return typeof ip === 'string' && IPV4.test(ip);
}

/** ZStack's NetworkUtils.isIpAddress: IPv4 or IPv6. */
export function isIpAddress(ip: string | null | undefined): boolean {
  return typeof ip === 'string' && (isIpv4(ip) || (isIPv6(ip) && !ip.includes('%')));
}

export function ipv4FromInt(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

/** InetAddress.getAddress() as Gson writes a byte[]: signed bytes, 4 for IPv4, 16 for IPv6. */
export function ipBytes(ip: string): number[] {
  const signed = (b: number) => (b > 127 ? b - 256 : b);
  if (!ip.includes(':')) return ip.split('.').map((o) => signed(Number(o) & 255));
  const [head = '', tail] = ip.split('::');
  const groups = (s: string) => (s ? s.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const words = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return words.flatMap((g) => {
    const n = parseInt(g, 16) || 0;
    return [signed(n >> 8), signed(n & 255)];
  });
}
