import { lazy, Suspense, useEffect, useState } from 'react';
import { ActionIcon, Button, Loader } from '@mantine/core';
import { requirePart } from '../../i18n/i18n';
import { useT } from '../../i18n/react';
import { closeApiLog, isShortcut, shortcut, toggleApiLog, useApiLogPanel } from './panelState';
import { PanelLoadFailed } from './PanelLoadFailed';

// The panel, its code and its catalogue part load the first time it opens.
const ApiLogPanel = lazy(() =>
  Promise.all([import('./ApiLogPanel'), requirePart('apilog')]).then(
    ([m]) => ({ default: m.ApiLogPanel }),
    () => ({ default: PanelLoadFailed }),
  ),
);

// a list of calls
const listIcon = (
  <svg
    width="16"
    height="16"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    aria-hidden
  >
    <path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01" />
  </svg>
);

/** The header's "API log" button and its keyboard shortcut; the panel (a drawer) once it was opened. */
export function ApiLogButton() {
  const t = useT();
  const { opened } = useApiLogPanel();
  const [wanted, setWanted] = useState(opened);
  if (opened && !wanted) setWanted(true);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcut(e) || e.repeat) return;
      e.preventDefault();
      toggleApiLog();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      // the shell goes at log out: the next login starts with the panel closed
      closeApiLog();
    };
  }, []);

  const props = {
    onClick: toggleApiLog,
    title: t('apiLog.buttonTitle', { shortcut: shortcut.label }),
    'aria-keyshortcuts': shortcut.label,
    'aria-expanded': opened,
    'aria-haspopup': 'dialog',
    style: { flex: 'none' },
  } as const;
  return (
    <>
      <Button variant="default" size="xs" visibleFrom="lg" {...props}>
        {t('apiLog.button')}
      </Button>
      {/* below 1200 px the header has no room for the words: the same button as an icon */}
      <ActionIcon variant="default" size={30} hiddenFrom="lg" aria-label={t('apiLog.button')} {...props}>
        {listIcon}
      </ActionIcon>
      {wanted ? (
        <Suspense fallback={<Loader size="xs" aria-label={t('apiLog.loading')} />}>
          <ApiLogPanel />
        </Suspense>
      ) : null}
    </>
  );
}
