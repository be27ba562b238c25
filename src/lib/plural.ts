/** A noun in both numbers, as the console writes counts: "1 VM NIC", "2 VM NICs". */
export interface Noun {
  one: string;
  many: string;
}

export const noun = (one: string, many = `${one}s`): Noun => ({ one, many });

/** "1 member", "20 members", "0 members". */
export function count(n: number, what: Noun): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? what.one : what.many}`;
}

/** The noun alone, in the number that `n` calls for. */
export const nounFor = (n: number, what: Noun): string => (n === 1 ? what.one : what.many);

/** "a, b and c", "a, b, c and 4 more". */
export function nameList(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
