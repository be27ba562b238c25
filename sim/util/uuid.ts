import { createHash, randomUUID } from 'node:crypto';

/**
 * Seed UUIDs are derived from md5("<kind>:<name>") so they stay the same across restarts; the version and
 * variant nibbles are set so that they look like the random v4 UUIDs ZStack generates (32 lowercase hex).
 */
export function seedUuid(kind: string, name: string): string {
  const hex = createHash('md5').update(`${kind}:${name}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 12)}4${hex.slice(13, 16)}${variant}${hex.slice(17)}`;
}

export function randomUuid(): string {
  return randomUUID().replace(/-/g, '');
}

export function isUuid(s: string): boolean {
  return /^[0-9a-f]{32}$/.test(s);
}
