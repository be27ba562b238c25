import { useT } from '../../i18n/react';
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

/** "a, b and c", "a, b, c and 4 more", in the active language. */
export function useNameList(): (names: readonly string[], max?: number) => string {
  const t = useT();
  return (names, max = 3) => {
    if (names.length <= 1) return names[0] ?? '';
    const join = (items: readonly string[]) => items.join(t('workbench.listSeparator'));
    if (names.length > max)
      return t('workbench.nameListMore', { names: join(names.slice(0, max)), more: names.length - max });
    return t('workbench.nameList', { names: join(names.slice(0, -1)), last: names[names.length - 1]! });
  };
}
