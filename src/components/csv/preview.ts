import { reasonMessageKeys } from '../../api/csv/messages';
import type { Lookups } from '../../api/csv/lookups';

export { zstackLookups } from '../../api/csv/lookups';
import { resolveBackends, type ResolvedBackend, type TargetGroup } from '../../api/csv/resolveBackends';
import { resolveMembers, type ResolvedMember, type TargetVirtualIdGroup } from '../../api/csv/resolveMembers';
import type { MessageKey } from '../../i18n/keys';
import { backendImports } from '../../lib/csv/backends';
import { parseCsv, type ParsedCsv } from '../../lib/csv/csv';
import { memberImports } from '../../lib/csv/members';
import { rowMessageKeys } from '../../lib/csv/messages';
import type { RowError } from '../../lib/csv/rows';

/** A row of the file that will not be staged: its number, what it says, and why (a catalogue key). */
export interface ImportProblem {
  line: number;
  value: string;
  key: MessageKey;
  detail: string;
}

/** What an import would stage, and what it would not. */
export interface ImportPreview<R> {
  rows: R[];
  problems: ImportProblem[];
  /** Of the problems, how many rows name what the group already has. */
  alreadyMembers: number;
  /** Data rows of the file (the header row not counted). */
  total: number;
}

/** Each record's cells as one line of text, by line number, for the problems' "Value" column. */
function valuesByLine(csv: ParsedCsv): Map<number, string> {
  return new Map(csv.records.map((r) => [r.line, r.cells.join(', ')]));
}

type Outcome<R> =
  | { line: number; status: 'resolved'; value: R }
  | { line: number; status: 'unresolved'; reason: keyof typeof reasonMessageKeys; detail?: string };

const alreadyReasons = new Set(['alreadyMember', 'ipTaken']);

/**
 * Sorts parse errors and ZStack's outcomes into the preview, in the file's row order; a resolved row
 * that is already in the list to be added is a problem too. Linear in the number of rows.
 */
function previewOf<R>(
  csv: ParsedCsv,
  parseErrors: readonly RowError<keyof typeof rowMessageKeys>[],
  outcomes: readonly Outcome<R>[],
  staged: (row: R) => boolean,
): ImportPreview<R> {
  const values = valuesByLine(csv);
  const valueOf = (line: number) => values.get(line) ?? '';
  const rows: R[] = [];
  const problems: ImportProblem[] = parseErrors.map((e) => ({
    line: e.line,
    value: valueOf(e.line),
    key: rowMessageKeys[e.code],
    detail: e.detail ?? '',
  }));
  let alreadyMembers = 0;
  for (const o of outcomes) {
    if (o.status === 'resolved') {
      if (!staged(o.value)) rows.push(o.value);
      else
        problems.push({ line: o.line, value: valueOf(o.line), key: 'csv.reason.alreadyStaged', detail: '' });
      continue;
    }
    if (alreadyReasons.has(o.reason)) alreadyMembers += 1;
    problems.push({
      line: o.line,
      value: valueOf(o.line),
      key: reasonMessageKeys[o.reason],
      detail: o.detail ?? '',
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems, alreadyMembers, total: parseErrors.length + outcomes.length };
}

/** What the add form already holds: NIC uuids, and IPs as `ipKey` writes them. */
export interface StagedBackends {
  nicUuids: ReadonlySet<string>;
  ips: ReadonlySet<string>;
}

/** Reads a CSV of backends and resolves its rows against ZStack (src/api/csv/resolveBackends.ts). */
export async function previewBackends(
  text: string,
  group: TargetGroup,
  staged: StagedBackends,
  lookups: Lookups,
  ipKey: (ip: string) => string,
): Promise<ImportPreview<ResolvedBackend>> {
  const csv = await parseCsv(text);
  const { rows, errors } = backendImports(csv);
  const outcomes = await resolveBackends(rows, group, lookups, { ipKey });
  return previewOf<ResolvedBackend>(
    csv,
    errors,
    outcomes.map((o) => (o.status === 'resolved' ? { line: o.line, status: o.status, value: o.row } : o)),
    (r) =>
      r.kind === 'nic'
        ? staged.nicUuids.has(r.nicUuid) || staged.ips.has(ipKey(r.ip))
        : staged.ips.has(ipKey(r.ipAddress)),
  );
}

/** Reads a CSV of virtual IDs and resolves its rows against ZStack (src/api/csv/resolveMembers.ts). */
export async function previewMembers(
  text: string,
  group: TargetVirtualIdGroup,
  staged: ReadonlySet<string>,
  lookups: Lookups,
): Promise<ImportPreview<ResolvedMember>> {
  const csv = await parseCsv(text);
  const { rows, errors } = memberImports(csv);
  const outcomes = await resolveMembers(rows, group, lookups);
  return previewOf<ResolvedMember>(
    csv,
    errors,
    outcomes.map((o) => (o.status === 'resolved' ? { line: o.line, status: o.status, value: o.member } : o)),
    (m) => staged.has(m.uuid),
  );
}
