import { useState } from 'react';
import { Button } from '@mantine/core';
import { useT } from '../../i18n/react';
import { CsvImportDialog, type CsvImportDialogProps } from './CsvImportDialog';

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
        <CsvImportDialog<R>
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
      ) : null}
    </>
  );
}
