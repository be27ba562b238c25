import { useMemo } from 'react';
import { useT } from '../../i18n/react';
import { noun, type Noun } from '../../lib/plural';

/** How this page counts what it shows, in the language shown now. */
export function useNouns(): { member: Noun } {
  const t = useT();
  return useMemo(() => ({ member: noun(t('members.noun.one'), t('members.noun.many')) }), [t]);
}
