import { isIp } from '../ip';
import { isValidWeight, weightRange } from '../weight';
import { toCsv, type ParsedCsv } from './csv';
import { asUuid, headerOf, isBlank, trimmedCells, type RowError } from './rows';

/** The file's columns, in the export's order and words (a file format: not translated). */
export const backendCsvHeader = ['type', 'VM', 'NIC uuid', 'IP', 'L3 network', 'weight', 'status'] as const;

export interface BackendCsvRow {
  type: 'nic' | 'ip';
  vmName?: string;
  nicUuid?: string;
  ip?: string;
  l3Name?: string;
  weight: number;
  status?: string;
}

/** Every backend of a group as CSV, one row each, with the header row. */
export function backendsToCsv(rows: readonly BackendCsvRow[]): Promise<string> {
  return toCsv(
    backendCsvHeader,
    rows.map((r) => [
      r.type,
      r.vmName ?? '',
      r.nicUuid ?? '',
      r.ip ?? '',
      r.l3Name ?? '',
      String(r.weight),
      r.status ?? '',
    ]),
  );
}

/** A row of an imported file, before ZStack is asked about it. Weights are ZStack's strings. */
export type BackendImport =
  | { line: number; kind: 'nicUuid'; nicUuid: string; weight: string }
  | { line: number; kind: 'vmIp'; vmName: string; ip: string; weight: string }
  | { line: number; kind: 'ip'; ipAddress: string; weight: string };

export type BackendRowCode =
  | 'emptyRow'
  | 'tooManyColumns'
  | 'badWeight'
  | 'badNicUuid'
  | 'badIp'
  | 'missingIp'
  | 'missingBackend'
  | 'nicNeedsVm'
  | 'badType'
  | 'unclosedQuote';

export const defaultWeight = String(weightRange.default);

/** ZStack's weight (src/lib/weight.ts); empty means its default, 100. */
function weightOf(text: string | undefined): string | undefined {
  const t = (text ?? '').trim();
  if (t === '') return defaultWeight;
  return isValidWeight(t) ? String(Number(t)) : undefined;
}

const aliases = {
  type: ['type', 'kind'],
  vm: ['vm', 'vmname', 'vminstance', 'vminstancename'],
  nicUuid: ['nicuuid', 'vmnicuuid', 'nic', 'uuid'],
  ip: ['ip', 'ipaddress', 'address', 'serverip'],
  weight: ['weight'],
  l3: ['l3network', 'l3', 'network', 'l3networkname'],
  status: ['status'],
} as const;

const nicTypes = new Set(['nic', 'vmnic', 'vmnics']);
const ipTypes = new Set(['ip', 'ipaddress', 'serverip', 'server']);

const looksLikeData = (cell: string) =>
  asUuid(cell) !== undefined || isIp(cell.trim()) || /^\d+$/.test(cell.trim());

interface Fields {
  type?: string;
  vm?: string;
  nicUuid?: string;
  ip?: string;
  weight?: string;
}

function rowOf(line: number, f: Fields): BackendImport | RowError<BackendRowCode> {
  const type = f.type ? f.type.toLowerCase().replace(/[\s_-]/g, '') : '';
  if (type && !nicTypes.has(type) && !ipTypes.has(type)) return { line, code: 'badType', detail: f.type };
  const weight = weightOf(f.weight);
  if (weight === undefined) return { line, code: 'badWeight', detail: f.weight };
  if (f.nicUuid) {
    const nicUuid = asUuid(f.nicUuid);
    return nicUuid
      ? { line, kind: 'nicUuid', nicUuid, weight }
      : { line, code: 'badNicUuid', detail: f.nicUuid };
  }
  if (f.ip && !isIp(f.ip)) return { line, code: 'badIp', detail: f.ip };
  if (f.vm)
    return f.ip
      ? { line, kind: 'vmIp', vmName: f.vm, ip: f.ip, weight }
      : { line, code: 'missingIp', detail: f.vm };
  if (f.ip)
    return nicTypes.has(type)
      ? { line, code: 'nicNeedsVm', detail: f.ip }
      : { line, kind: 'ip', ipAddress: f.ip, weight };
  return { line, code: 'missingBackend' };
}

/** A row without a header: `NIC uuid[,weight]`, `IP[,weight]` or `VM name,IP[,weight]`. */
function headerless(line: number, cells: string[]): BackendImport | RowError<BackendRowCode> {
  const [first = '', second, third] = cells;
  const width = asUuid(first) || isIp(first) ? 2 : 3;
  if (cells.length > width) return { line, code: 'tooManyColumns', detail: String(width) };
  if (asUuid(first)) return rowOf(line, { nicUuid: first, weight: second });
  if (isIp(first)) return rowOf(line, { ip: first, weight: second });
  return rowOf(line, { vm: first, ip: second, weight: third });
}

/**
 * The backends of an imported file: a header row (the export's, or any with known column names) or
 * none; each record becomes a typed row, or an error with its line number (a bad weight, an empty row,
 * too many columns, an unclosed quote, ...). Linear in the number of records.
 */
export function backendImports(csv: ParsedCsv): {
  rows: BackendImport[];
  errors: RowError<BackendRowCode>[];
} {
  const columns = headerOf(csv.records[0], aliases, looksLikeData);
  const records = columns ? csv.records.slice(1) : csv.records;
  const broken = new Set(csv.problems.map((p) => p.line));
  const rows: BackendImport[] = [];
  const errors: RowError<BackendRowCode>[] = [];
  for (const { line, cells: raw } of records) {
    let result: BackendImport | RowError<BackendRowCode>;
    const cells = trimmedCells(raw);
    if (broken.has(line)) result = { line, code: 'unclosedQuote' };
    else if (isBlank(raw)) result = { line, code: 'emptyRow' };
    else if (!columns) result = headerless(line, cells);
    else if (cells.length > columns.width)
      result = { line, code: 'tooManyColumns', detail: String(columns.width) };
    else {
      const cell = (i: number | undefined) => (i === undefined ? undefined : cells[i] || undefined);
      const { at } = columns;
      result = rowOf(line, {
        type: cell(at.type),
        vm: cell(at.vm),
        nicUuid: cell(at.nicUuid),
        ip: cell(at.ip),
        weight: cell(at.weight),
      });
    }
    if ('code' in result) errors.push(result);
    else rows.push(result);
  }
  return { rows, errors };
}
