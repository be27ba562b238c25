import type { ParseError } from 'papaparse';

/**
 * CSV in and out with Papa Parse, loaded on first use only (a dynamic import: its own chunk, never on the
 * first page). Papa Parse handles RFC 4180 quoting (quoted commas, doubled quotes, line breaks inside
 * quotes), CRLF and LF, a UTF-8 byte order mark, and reports an unclosed quote instead of swallowing the
 * rest of the file.
 */
const loadPapa = () => import('papaparse').then((m) => m.default);

/** One record of the file, with the line it starts on (1-based, as an editor counts). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  code: 'unclosedQuote' | 'badQuote';
}

export interface ParsedCsv {
  records: CsvRecord[];
  problems: CsvProblem[];
  delimiter: string;
}

/** Spreadsheets open a cell that starts with one of these as a formula; the export writes a ' before it. */
const formulaStart = /^[=+\-@\t\r]/;

/** A cell as the file means it: the ' an export put before a formula-like value taken off again. */
export const cellValue = (cell: string) =>
  cell.startsWith("'") && formulaStart.test(cell.slice(1)) ? cell.slice(1) : cell;

/**
 * The separator of the first record: the most frequent of comma, semicolon (spreadsheets in locales with a
 * decimal comma) and tab outside quotes; a comma when there is none (a one-column file).
 */
function delimiterOf(input: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of input) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]! += 1;
  }
  const [best] = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

/**
 * Parses CSV text (comma, semicolon or tab separated, as spreadsheets save it) into records with their
 * line numbers. A final empty line is not a record. Linear in the size of the text.
 */
export async function parseCsv(text: string): Promise<ParsedCsv> {
  const Papa = await loadPapa();
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let consumed = 0;
  const delimiter = delimiterOf(input);
  const newlines = (from: number, to: number) => {
    let n = 0;
    for (let i = input.indexOf('\n', from); i >= 0 && i < to; i = input.indexOf('\n', i + 1)) n += 1;
    return n;
  };
  Papa.parse(input, {
    delimiter,
    skipEmptyLines: false,
    step: ({ data, errors, meta }) => {
      const start = line;
      records.push({ line: start, cells: data.map(cellValue) });
      for (const e of errors as ParseError[]) {
        if (e.code === 'MissingQuotes') problems.push({ line: start, code: 'unclosedQuote' });
        if (e.code === 'InvalidQuotes') problems.push({ line: start, code: 'badQuote' });
      }
      line += newlines(consumed, meta.cursor);
      consumed = meta.cursor;
    },
  });
  const last = records[records.length - 1];
  if (last && last.cells.length === 1 && last.cells[0] === '' && input.endsWith('\n')) records.pop();
  return { records, problems, delimiter };
}

/**
 * Writes rows as CSV for spreadsheets: a header row, RFC 4180 quoting where a cell needs it, CRLF line
 * ends, a UTF-8 byte order mark (so that a spreadsheet reads Chinese names right), and a ' before a cell
 * a spreadsheet would run as a formula (=, +, -, @), which parseCsv takes off again.
 */
export async function toCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): Promise<string> {
  const Papa = await loadPapa();
  const body = Papa.unparse([header as string[], ...(rows as string[][])], {
    newline: '\r\n',
    escapeFormulae: true,
  });
  return `\uFEFF${body}\r\n`;
}

/**
 * The text of a chosen file, which must be UTF-8 (what spreadsheets save as "CSV UTF-8"): a file in
 * another encoding (GBK, Latin-1) is refused rather than read as garbled names.
 */
export async function readCsvFile(
  file: Blob,
): Promise<{ ok: true; text: string } | { ok: false; reason: 'notUtf8' }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'notUtf8' };
  }
}
