import { count, type Noun } from '../../lib/plural';

/**
 * What a table or dialog counts, in the active language: the noun in both numbers ("backend server",
 * "backend servers"; Chinese has one form) and, from the catalogue, its count with the language's plural
 * rules ("1 backend server", "2 个后端服务器"). Without `count`, an English count.
 */
export interface CountedNoun extends Noun {
  count?: (n: number) => string;
}

export const countOf = (noun: CountedNoun, n: number): string =>
  noun.count ? noun.count(n) : count(n, noun);

/** Names as one phrase in the active language (src/i18n/names.ts). */
export { useNameList } from '../../i18n/names';
