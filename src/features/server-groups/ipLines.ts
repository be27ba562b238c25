import type { MessageKey } from '../../i18n/keys';
import { ipAddressSchema, ipMessage, weightMessages, weightRange, weightSchema } from './schema';

export interface IpEntry {
  ipAddress: string;
  weight: string;
}

export interface LineProblem {
  /** 1-based line of the text area as it now reads. */
  line: number;
  text: string;
  /** Why, as a catalogue key (translated where it is shown, with `weightRange` as its values). */
  reason: MessageKey;
  /** What on the line is wrong: the address, the weight or the extra text. */
  value: string;
}

export interface ParsedLines {
  entries: IpEntry[];
  problems: LineProblem[];
  /** The bad lines, which stay in the text area. */
  rest: string;
}

/** Separators between an address and its weight: spaces, tabs, a comma or a semicolon. */
const separator = /[\s,;]+/;

function checkLine(line: string): { entry: IpEntry } | { reason: MessageKey; value: string } {
  const [address = '', weight, ...extra] = line.trim().split(separator);
  if (!ipAddressSchema.safeParse(address).success) return { reason: ipMessage, value: address };
  if (extra.length) return { reason: 'backends.lines.extra', value: extra.join(' ') };
  if (weight !== undefined && !weightSchema.safeParse(weight).success)
    return { reason: weightMessages.invalid, value: weight };
  return { entry: { ipAddress: address, weight: weight ?? String(weightRange.default) } };
}

/**
 * Reads the "IP addresses" text area: one address per line, optionally followed by a weight. Good lines
 * become entries; bad ones are kept, each with its reason, numbered as they will read once the good ones
 * are gone. Linear in the number of lines (a paste of thousands is fine).
 */
export function parseIpLines(text: string): ParsedLines {
  const entries: IpEntry[] = [];
  const problems: LineProblem[] = [];
  const bad: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const result = checkLine(raw);
    if ('entry' in result) entries.push(result.entry);
    else {
      bad.push(raw);
      problems.push({ line: bad.length, text: raw.trim(), reason: result.reason, value: result.value });
    }
  }
  return { entries, problems, rest: bad.join('\n') };
}

/** The problems of the text as it reads now (after an edit), numbered by its own lines. */
export function lineProblems(text: string): LineProblem[] {
  const problems: LineProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const result = checkLine(raw);
    if ('reason' in result)
      problems.push({ line: index + 1, text: raw.trim(), reason: result.reason, value: result.value });
  });
  return problems;
}
