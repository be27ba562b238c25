import type { CsvRecord } from './csv';

/** A record that cannot become a row, and why; `detail` is what the message names. */
export interface RowError<Code extends string = string> {
  line: number;
  code: Code;
  detail?: string;
}

/** Header names compared without case, spaces, underscores or dashes: "NIC uuid" = "nic_uuid" = "nicUUID". */
export const headerKey = (cell: string) => cell.toLowerCase().replace(/[\s_-]/g, '');

/** ZStack uuids: 32 lowercase hex. A pasted uuid with dashes or capitals is taken as the same uuid. */
export function asUuid(text: string): string | undefined {
  const u = text.trim().replaceAll('-', '').toLowerCase();
  return /^[0-9a-f]{32}$/.test(u) ? u : undefined;
}

export const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** The cells without the empty ones a spreadsheet leaves at the end of a row. */
export function trimmedCells(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end -= 1;
  return cells.slice(0, end).map((c) => c.trim());
}

export interface Columns<K extends string> {
  /** Column index of each known field. */
  at: Partial<Record<K, number>>;
  width: number;
}

/**
 * The first record as a header when its cells name known columns (`aliases`, by headerKey) and none of
 * them looks like data; then the rows are read by those columns.
 */
export function headerOf<K extends string>(
  first: CsvRecord | undefined,
  aliases: Record<K, readonly string[]>,
  looksLikeData: (cell: string) => boolean,
): Columns<K> | undefined {
  if (!first || first.cells.some(looksLikeData)) return undefined;
  const at: Partial<Record<K, number>> = {};
  first.cells.forEach((cell, i) => {
    const key = headerKey(cell);
    for (const field of Object.keys(aliases) as K[]) {
      if (at[field] === undefined && aliases[field].includes(key)) at[field] = i;
    }
  });
  return Object.keys(at).length ? { at, width: trimmedCells(first.cells).length } : undefined;
}
