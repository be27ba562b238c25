import { useCallback } from 'react';
import { useT } from './react';

/**
 * Names as one phrase in the active language: "a, b and c" / "a、b和c", and past `max` the rest
 * counted: "a, b, c and 4 more" / "a、b、c等另外 4 项".
 */
export function useNameList(): (names: readonly string[], max?: number) => string {
  const t = useT();
  return useCallback(
    (names, max = 3) => {
      if (names.length <= 1) return names[0] ?? '';
      const join = (items: readonly string[]) => items.join(t('workbench.listSeparator'));
      if (names.length > max)
        return t('workbench.nameListMore', { names: join(names.slice(0, max)), more: names.length - max });
      return t('workbench.nameList', { names: join(names.slice(0, -1)), last: names[names.length - 1]! });
    },
    [t],
  );
}
