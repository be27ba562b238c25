import { lazy, Suspense, useState } from 'react';
import { Button } from '@mantine/core';
import { useT } from '../../i18n/react';
import type { CsvImportDialogProps } from './CsvImportDialog';

// the dialog and the CSV code it runs load on the first click only
const CsvImportDialog = lazy(() => import('./CsvImportDialog'));

export type CsvImportButtonProps<R> = Omit<CsvImportDialogProps<R>, 'text' | 'onText' | 'onClose'> & {
  /** The button's accessible name: what it imports into. */
  label: string;
  disabled?: boolean;
};

/**
 * "Import CSV", and its dialog while open. The text pasted or read stays here between openings (and a
 * language switch), until its rows are staged.
 */
export function CsvImportButton<R>({ label, disabled, onStage, ...dialog }: CsvImportButtonProps<R>) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const Dialog = CsvImportDialog as (p: CsvImportDialogProps<R>) => React.ReactNode;
  return (
    <>
      <Button
        variant="default"
        size="xs"
        aria-label={label}
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {t('csv.import')}
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <Dialog
            {...dialog}
            text={text}
            onText={setText}
            onClose={() => setOpen(false)}
            onStage={(rows) => {
              onStage(rows);
              setText('');
              setOpen(false);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
