import { useState } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { asZStackError, type ZStackError } from '../../api/errors';
import { useT } from '../../i18n/react';
import { ZStackErrorAlert } from '../ZStackErrorAlert';
import type { CsvFile } from './exports';
import { useLatestRun } from './useLatestRun';

export interface CsvExportButtonProps {
  /** The button's accessible name: what it exports. */
  label: string;
  /** Reads every row and writes the file (load src/components/csv/exports.ts on demand). */
  file: (signal: AbortSignal) => Promise<CsvFile>;
}

/** "Export CSV": reads all rows (in pages and batches), then saves the file; says what it saved. */
export function CsvExportButton({ label, file }: CsvExportButtonProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CsvFile>();
  const [error, setError] = useState<ZStackError>();
  const runs = useLatestRun();
  const run = async () => {
    const controller = runs.start();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const result = await file(controller.signal);
      const { saveFile } = await import('./exports');
      saveFile(result);
      setDone(result);
    } catch (e) {
      if (!controller.signal.aborted) setError(asZStackError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} align="flex-end">
      <Button variant="default" size="xs" aria-label={label} loading={busy} onClick={() => void run()}>
        {t('csv.export')}
      </Button>
      <Text size="xs" c="dimmed" role="status">
        {done ? t('csv.export.done', { count: done.rows, file: done.fileName }) : ''}
      </Text>
      {error ? <ZStackErrorAlert error={error} action={t('csv.export.action')} /> : null}
    </Stack>
  );
}
