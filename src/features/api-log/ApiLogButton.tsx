import { lazy, Suspense, useEffect, useState } from 'react';
import { Button, Loader } from '@mantine/core';
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

  return (
    <>
      <Button
        variant="default"
        size="xs"
        onClick={toggleApiLog}
        title={t('apiLog.buttonTitle', { shortcut: shortcut.label })}
        aria-keyshortcuts={shortcut.label}
        aria-expanded={opened}
        aria-haspopup="dialog"
        style={{ flex: 'none' }}
      >
        {t('apiLog.button')}
      </Button>
      {wanted ? (
        <Suspense fallback={<Loader size="xs" aria-label={t('apiLog.loading')} />}>
          <ApiLogPanel />
        </Suspense>
      ) : null}
    </>
  );
}
