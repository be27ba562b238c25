import { useState } from 'react';
import {
  Button,
  FileButton,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { asZStackError, type ZStackError } from '../../api/errors';
import { notUtf8Key } from '../../lib/csv/messages';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/react';
import { ZStackErrorAlert } from '../ZStackErrorAlert';
import type { ImportPreview } from './preview';
import { useLatestRun } from './useLatestRun';
import classes from './CsvImportDialog.module.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/Table.css';

/** Problems listed in full up to this many; the rest are counted (the file itself holds them all). */
const shownProblems = 200;

export interface CsvImportDialogProps<R> {
  title: string;
  help: string;
  /** The text pasted or read from a file; kept by the opener, so that closing the dialog loses nothing. */
  text: string;
  onText: (text: string) => void;
  /** Parses the text and resolves its rows against ZStack. */
  check: (text: string, signal: AbortSignal) => Promise<ImportPreview<R>>;
  /** Puts the resolved rows in the list to be added (nothing is sent). */
  onStage: (rows: R[]) => void;
  onClose: () => void;
}

/**
 * Import from CSV: paste or choose a file, check the rows against ZStack, see how many resolved, how many
 * failed and which (row, value, why), and stage the resolved ones. Nothing is sent to ZStack but reads.
 * The CSV code (Papa Parse, the row rules, the resolution) loads on first use: `check` and the file
 * reader import it. (A lazy dialog would make the bundler split modules the login page shares with it
 * out of the first chunk, costing the first page about 3 kB.)
 */
export function CsvImportDialog<R>(props: CsvImportDialogProps<R>) {
  const { title, help, text, onText, check, onStage, onClose } = props;
  const t = useT();
  const { number } = useFormat();
  const [preview, setPreview] = useState<{ result: ImportPreview<R>; ms: number }>();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<ZStackError>();
  const [fileNote, setFileNote] = useState<{ ok: boolean; text: string }>();
  const [empty, setEmpty] = useState(false);
  const runs = useLatestRun();

  const changeText = (value: string) => {
    onText(value);
    setPreview(undefined);
    setEmpty(false);
  };
  const chooseFile = async (file: File | null) => {
    if (!file) return;
    const { readCsvFile } = await import('../../lib/csv/csv');
    const read = await readCsvFile(file);
    if (read.ok) {
      changeText(read.text);
      setFileNote({ ok: true, text: t('csv.import.fileRead', { file: file.name }) });
    } else setFileNote({ ok: false, text: t(notUtf8Key) });
  };
  const runCheck = async () => {
    if (!text.trim()) {
      setEmpty(true);
      return;
    }
    const controller = runs.start();
    setChecking(true);
    setError(undefined);
    setPreview(undefined);
    const started = performance.now();
    try {
      const result = await check(text, controller.signal);
      if (!controller.signal.aborted) setPreview({ result, ms: performance.now() - started });
    } catch (e) {
      if (!controller.signal.aborted) setError(asZStackError(e));
    } finally {
      if (runs.isCurrent(controller)) setChecking(false);
    }
  };
  const close = () => {
    runs.abort();
    onClose();
  };

  const result = preview?.result;
  const failed = result ? result.problems.length - result.alreadyMembers : 0;
  const stats = result
    ? [
        { label: t('csv.import.resolved'), value: result.rows.length },
        { label: t('csv.import.failed'), value: failed },
        { label: t('csv.import.alreadyMembers'), value: result.alreadyMembers },
      ]
    : [];

  return (
    <Modal opened onClose={close} title={title} size="min(960px, 100%)" classNames={{ title: classes.title }}>
      <Stack gap="sm">
        <Text size="sm">{help}</Text>
        <Textarea
          label={t('csv.import.text')}
          description={t('csv.import.textHint')}
          value={text}
          onChange={(e) => changeText(e.currentTarget.value)}
          // fixed rows: autosize would measure thousands of lines on every change
          rows={8}
          spellCheck={false}
          classNames={{ input: classes.text }}
          error={empty ? t('csv.import.nothing') : undefined}
          readOnly={checking}
        />
        <Group gap="sm" wrap="wrap">
          <FileButton onChange={(f) => void chooseFile(f)} accept=".csv,.txt,text/csv,text/plain">
            {(p) => (
              <Button {...p} variant="default" disabled={checking}>
                {t('csv.import.file')}
              </Button>
            )}
          </FileButton>
          <Button onClick={() => void runCheck()} loading={checking}>
            {t('csv.import.check')}
          </Button>
          <Text
            size="sm"
            c={fileNote && !fileNote.ok ? 'red' : 'dimmed'}
            role={fileNote && !fileNote.ok ? 'alert' : 'status'}
          >
            {checking ? t('csv.import.checking') : (fileNote?.text ?? '')}
          </Text>
        </Group>
        {error ? <ZStackErrorAlert error={error} action={t('csv.import.action')} /> : null}
        {result ? (
          <Stack gap="xs" role="region" aria-label={t('csv.import.preview')}>
            <SimpleGrid cols={3} spacing="xs">
              {stats.map((s) => (
                <Paper
                  key={s.label}
                  withBorder
                  p="xs"
                  role="group"
                  aria-label={`${s.label}: ${number(s.value)}`}
                >
                  <Text size="xs" c="dimmed">
                    {s.label}
                  </Text>
                  <Text fw={600} size="lg">
                    {number(s.value)}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
            <Text size="xs" c="dimmed" role="status">
              {t('csv.import.checked', {
                count: result.total,
                seconds: number(Math.round(preview.ms / 100) / 10),
              })}
            </Text>
            {result.problems.length ? (
              <Table.ScrollContainer minWidth={480} maxHeight={280} type="native">
                <Table striped stickyHeader>
                  <caption className={classes.caption}>{t('csv.import.problems')}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={64}>{t('csv.import.line')}</Table.Th>
                      <Table.Th>{t('csv.import.value')}</Table.Th>
                      <Table.Th>{t('csv.import.why')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.problems.slice(0, shownProblems).map((p) => (
                      <Table.Tr key={`${p.line}:${p.key}`}>
                        <Table.Td>{p.line}</Table.Td>
                        <Table.Td className={classes.value} data-zstack-text>
                          {p.value}
                        </Table.Td>
                        <Table.Td>{t(p.key, { detail: p.detail })}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
            {result.problems.length > shownProblems ? (
              <Text size="sm">
                {t('csv.import.moreProblems', { count: result.problems.length - shownProblems })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('csv.import.stageHint')}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={close}>
              {t('csv.import.cancel')}
            </Button>
            <Button
              disabled={!result?.rows.length}
              onClick={() => {
                if (result) onStage(result.rows);
              }}
            >
              {t('csv.import.stage', { count: result?.rows.length ?? 0 })}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
