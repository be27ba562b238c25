import * as z from 'zod/mini';
import { isValidWeight, weightRange } from '../../lib/weight';
import type { MessageKey } from '../../i18n/keys';
import { canonicalIp, isIp } from './ip';

export { isValidWeight, weightRange };

/**
 * The schemas' messages are catalogue keys, translated where they are shown (with `weightRange` and, for
 * `ipTaken`, the row's IP as values), so that a language switch re-words them.
 */
export const weightMessages = {
  empty: 'backends.weight.empty',
  invalid: 'backends.weight.invalid',
} as const satisfies Record<string, MessageKey>;

/** A weight as typed: a string, so that "1.5", "abc" and "1e3" reach validation instead of being coerced. */
export const weightSchema = z.string().check(
  z.trim(),
  z.minLength(1, weightMessages.empty),
  z.refine((v) => v === '' || isValidWeight(v), weightMessages.invalid),
);

export const ipMessage = 'backends.ip.invalid' satisfies MessageKey;

export const ipAddressSchema = z.string().check(
  z.trim(),
  z.refine((v) => isIp(v), ipMessage),
);

export const rowMessages = {
  duplicate: 'backends.staged.duplicate',
  alreadyBackend: 'backends.staged.alreadyBackend',
  ipTaken: 'backends.staged.ipTaken',
} as const satisfies Record<string, MessageKey>;

const nicRowSchema = z.object({
  kind: z.literal('nic'),
  nicUuid: z.string(),
  vmName: z.string(),
  ip: z.string(),
  l3Name: z.string(),
  weight: weightSchema,
});

const ipRowSchema = z.object({
  kind: z.literal('ip'),
  ipAddress: ipAddressSchema,
  weight: weightSchema,
});

export type NicRow = z.input<typeof nicRowSchema>;
export type IpRow = z.input<typeof ipRowSchema>;
export type StagedRow = NicRow | IpRow;

export interface StagedForm {
  rows: StagedRow[];
}

/** What the group already holds: the staged rows may not repeat any of it. */
export interface ExistingBackends {
  nicUuids: ReadonlySet<string>;
  /** Canonical server IPs of the group. */
  serverIps: ReadonlySet<string>;
  /** Canonical IPs of member NICs, as far as they are known (ZStack refuses a server IP that repeats one). */
  nicIps?: ReadonlySet<string>;
}

export const noBackends: ExistingBackends = { nicUuids: new Set(), serverIps: new Set() };

/** The field a row-level problem (duplicate, already a backend) is reported on. */
export const entryField = (row: StagedRow) => (row.kind === 'nic' ? 'nicUuid' : 'ipAddress');

/**
 * The staged-rows form: every weight valid, every IP valid, nothing twice (a NIC twice, or the same IP as
 * a server and as a NIC), and nothing the group already has. Later repeats are the ones marked, so that
 * removing them fixes the list.
 */
export function stagedFormSchema(existing: ExistingBackends) {
  return z.object({ rows: z.array(z.discriminatedUnion('kind', [nicRowSchema, ipRowSchema])) }).check(
    z.superRefine((form, ctx) => {
      const seenNics = new Set<string>();
      const seenIps = new Set<string>();
      form.rows.forEach((row, index) => {
        const path = ['rows', index, entryField(row)];
        const report = (message: string) => ctx.addIssue({ code: 'custom', message, path, input: row });
        if (row.kind === 'nic') {
          const ip = row.ip ? canonicalIp(row.ip) : '';
          if (existing.nicUuids.has(row.nicUuid)) report(rowMessages.alreadyBackend);
          else if (ip && (existing.serverIps.has(ip) || existing.nicIps?.has(ip)))
            report(rowMessages.ipTaken);
          else if (seenNics.has(row.nicUuid) || (ip && seenIps.has(ip))) report(rowMessages.duplicate);
          seenNics.add(row.nicUuid);
          if (ip) seenIps.add(ip);
        } else {
          if (!isIp(row.ipAddress.trim())) return;
          const ip = canonicalIp(row.ipAddress);
          if (existing.serverIps.has(ip) || existing.nicIps?.has(ip)) report(rowMessages.alreadyBackend);
          else if (seenIps.has(ip)) report(rowMessages.duplicate);
          seenIps.add(ip);
        }
      });
    }),
  );
}

/** The body of AddBackendServerToServerGroup: only the non-empty lists, weights as strings of integers. */
export interface AddBackendParams {
  vmNics?: { uuid: string; weight: string }[];
  servers?: { ipAddress: string; weight: string }[];
}

const wireWeight = (weight: string) => String(Number(weight.trim()));

export function rowsToParams(rows: readonly StagedRow[]): AddBackendParams {
  const vmNics = rows
    .filter((r): r is NicRow => r.kind === 'nic')
    .map((r) => ({ uuid: r.nicUuid, weight: wireWeight(r.weight) }));
  const servers = rows
    .filter((r): r is IpRow => r.kind === 'ip')
    .map((r) => ({ ipAddress: r.ipAddress.trim(), weight: wireWeight(r.weight) }));
  return {
    ...(vmNics.length ? { vmNics } : {}),
    ...(servers.length ? { servers } : {}),
  };
}

/**
 * The label each row goes by in accessible names ("Weight for <label>"): the VM name, or the IP. A VM
 * with two staged NICs gets its NIC's IP added, a repeated entry its row number, so that every label
 * stays unique.
 */
export function rowLabels(
  rows: readonly StagedRow[],
  repeated: (label: string, row: number) => string = (label, row) => `${label} (row ${row})`,
): string[] {
  const names = rows.map((r) => (r.kind === 'ip' ? r.ipAddress.trim() : r.vmName || r.nicUuid));
  const counts = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.kind === 'nic') counts.set(names[i]!, (counts.get(names[i]!) ?? 0) + 1);
  });
  const seen = new Set<string>();
  return rows.map((r, i) => {
    const label =
      r.kind === 'nic' && (counts.get(names[i]!) ?? 0) > 1 ? `${names[i]} (${r.ip || r.nicUuid})` : names[i]!;
    // an entry staged twice (refused as a duplicate) still needs names of its own
    const unique = seen.has(label) ? repeated(label, i + 1) : label;
    seen.add(unique);
    return unique;
  });
}

/** Values an error from ZStack may name, per row: its IP and, for a NIC, its uuid. */
export function rowMentionKeys(row: StagedRow): string[] {
  return row.kind === 'nic' ? [row.nicUuid, row.ip].filter(Boolean) : [row.ipAddress.trim()];
}
