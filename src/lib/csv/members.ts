import { toCsv, type ParsedCsv } from './csv';
import { asUuid, headerOf, isBlank, trimmedCells, type RowError } from './rows';

export const memberCsvHeader = ['name', 'uuid', 'state', 'type'] as const;

export interface MemberCsvRow {
  name: string;
  uuid: string;
  state?: string | null;
  type?: string | null;
}

/** Every member of a virtual ID group as CSV, with the header row. */
export function membersToCsv(rows: readonly MemberCsvRow[]): Promise<string> {
  return toCsv(
    memberCsvHeader,
    rows.map((r) => [r.name, r.uuid, r.state ?? '', r.type ?? '']),
  );
}

/** A virtual ID named by an imported row: by uuid when the row has one, else by name. */
export type MemberImport =
  { line: number; uuid: string; name?: string } | { line: number; uuid?: undefined; name: string };

export type MemberRowCode = 'emptyRow' | 'tooManyColumns' | 'badUuid' | 'unclosedQuote';

const aliases = {
  name: ['name', 'virtualid', 'virtualidname', 'username'],
  uuid: ['uuid', 'virtualiduuid', 'id'],
  state: ['state'],
  type: ['type'],
} as const;

/**
 * The virtual IDs of an imported file: a header row (name, uuid, ...) or none (a name or a uuid per row,
 * or both); each record a row or an error with its line number.
 */
export function memberImports(csv: ParsedCsv): { rows: MemberImport[]; errors: RowError<MemberRowCode>[] } {
  const columns = headerOf(csv.records[0], aliases, (c) => asUuid(c) !== undefined);
  const records = columns ? csv.records.slice(1) : csv.records;
  const broken = new Set(csv.problems.map((p) => p.line));
  const rows: MemberImport[] = [];
  const errors: RowError<MemberRowCode>[] = [];
  for (const { line, cells: raw } of records) {
    const cells = trimmedCells(raw);
    if (broken.has(line)) errors.push({ line, code: 'unclosedQuote' });
    else if (isBlank(raw)) errors.push({ line, code: 'emptyRow' });
    else if (columns) {
      if (cells.length > columns.width) {
        errors.push({ line, code: 'tooManyColumns', detail: String(columns.width) });
        continue;
      }
      const name = columns.at.name === undefined ? '' : (cells[columns.at.name] ?? '');
      const uuidText = columns.at.uuid === undefined ? '' : (cells[columns.at.uuid] ?? '');
      const uuid = uuidText ? asUuid(uuidText) : undefined;
      if (uuidText && !uuid) errors.push({ line, code: 'badUuid', detail: uuidText });
      else if (uuid) rows.push({ line, uuid, ...(name ? { name } : {}) });
      else if (name) rows.push({ line, name });
      else errors.push({ line, code: 'emptyRow' });
    } else if (cells.length > 2) errors.push({ line, code: 'tooManyColumns', detail: '2' });
    else {
      // a name, a uuid, or both in either order
      const uuid = cells.map((c) => asUuid(c)).find((u) => u !== undefined);
      const name = cells.find((c) => asUuid(c) === undefined);
      rows.push(uuid ? { line, uuid, ...(name ? { name } : {}) } : { line, name: name! });
    }
  }
  return { rows, errors };
}
