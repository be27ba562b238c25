import { useState } from 'react';
import { switchLocale } from '../i18n/i18n';
import { isLocale, localeNames, locales } from '../i18n/locale';
import { useLocale, useT } from '../i18n/react';
import { CompactSelect } from './CompactSelect';

const globe = (
  <svg
    width="16"
    height="16"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    aria-hidden
  >
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
  </svg>
);

/**
 * English / 简体中文: switches every visible word at once (no reload, nothing typed is lost) and
 * remembers the choice across sessions. Each language is named in itself.
 */
export function LanguageMenu() {
  const t = useT();
  const locale = useLocale();
  const [pending, setPending] = useState<string>();
  const [failed, setFailed] = useState(false);
  return (
    <CompactSelect
      w={118}
      icon={globe}
      aria-label={t('language.label')}
      value={pending ?? locale}
      error={failed && t('language.loadFailed')}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (!isLocale(next)) return;
        setPending(next);
        setFailed(false);
        switchLocale(next)
          .catch(() => setFailed(true))
          .finally(() => setPending(undefined));
      }}
    >
      {locales.map((l) => (
        <option key={l} value={l} lang={l}>
          {localeNames[l]}
        </option>
      ))}
    </CompactSelect>
  );
}
