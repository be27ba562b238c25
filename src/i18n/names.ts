import { useCallback } from 'react';
import { useFormat } from './format';
import { useT } from './react';

/**
 * Names as one phrase in the active language: "a, b, and c" / "a、b和c", and past `max` the rest
 * counted: "a, b, c, and 4 more" / "a、b、c和另外 4 个".
 */
export function useNameList(): (names: readonly string[], max?: number) => string {
  const t = useT();
  const { list } = useFormat();
  return useCallback(
    (names, max = 3) =>
      names.length > max
        ? list([...names.slice(0, max), t('common.andMore', { count: names.length - max })])
        : list(names),
    [t, list],
  );
}
