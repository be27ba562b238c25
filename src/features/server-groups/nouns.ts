import { useMemo } from 'react';
import type { CountedNoun } from '../../components/workbench/noun';
import { useT } from '../../i18n/react';

/** How this page counts what it shows, in the active language. */
export function useNouns() {
  const t = useT();
  return useMemo(
    () => ({
      backend: {
        one: t('backends.one'),
        many: t('backends.many'),
        count: (n: number) => t('backends.count', { count: n }),
      } satisfies CountedNoun,
      nic: {
        one: t('backends.nicOne'),
        many: t('backends.nicMany'),
        count: (n: number) => t('backends.nicCount', { count: n }),
      } satisfies CountedNoun,
      ipAddress: {
        one: t('backends.ipOne'),
        many: t('backends.ipMany'),
        count: (n: number) => t('backends.ipCount', { count: n }),
      } satisfies CountedNoun,
    }),
    [t],
  );
}
