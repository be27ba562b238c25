import { useEffect, useRef } from 'react';
import { Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { readUndoView, type UndoRow } from '../../api/undo/current';
import { undoRecords, type UndoRecord } from '../../api/undo/records';
import type { SkipReason, Write } from '../../api/undo/types';
import { toRequests } from '../../api/undo/wire';
import { useJobMutation } from '../../api/useJobMutation';
import { JobProgress } from '../JobProgress';
import { notifyDone } from '../notifyDone';
import { QueryErrorAlert } from '../QueryErrorAlert';
import { ZStackErrorAlert } from '../ZStackErrorAlert';
import { useT, type Translate } from '../../i18n/react';
import '@mantine/core/styles/List.css';

const whatKeys = { nic: 'undo.what.nic', ip: 'undo.what.ip', member: 'undo.what.member' } as const;
const willKeys = {
  remove: 'undo.will.remove',
  readd: 'undo.will.readd',
  reweight: 'undo.will.reweight',
  leave: 'undo.will.leave',
  join: 'undo.will.join',
} as const;
const skipKeys: Record<SkipReason, Parameters<Translate>[0]> = {
  alreadyRestored: 'undo.skip.alreadyRestored',
  removedSince: 'undo.skip.removedSince',
  replacedSince: 'undo.skip.replacedSince',
  weightChangedSince: 'undo.skip.weightChangedSince',
  addedSince: 'undo.skip.addedSince',
  nicGone: 'undo.skip.nicGone',
  ipTaken: 'undo.skip.ipTaken',
  virtualIdGone: 'undo.skip.virtualIdGone',
  virtualIdStaled: 'undo.skip.virtualIdStaled',
  notInProject: 'undo.skip.notInProject',
};

function rowText(t: Translate, row: UndoRow): string {
  const what = t(whatKeys[row.kind], { label: row.label });
  if (row.skip) return t(skipKeys[row.skip], { what, weight: row.weightNow ?? '?' });
  return t(willKeys[row.action], { what, weight: row.weight ?? '' });
}

/**
 * Undoes one recorded write: reads the state now, plans against it, and when anything differs from what
 * the write left (another admin changed it, or part of it cannot be put back) lists, row by row, what it
 * will and will not restore and waits for a confirmation; otherwise it sends the inverse at once. The
 * inverse goes through the one job layer (logged, its failure shown here with ZStack's error).
 */
export function UndoDialog({ record, onClose }: { record: UndoRecord; onClose: () => void }) {
  const t = useT();
  const undone = !!record.undoneBy;
  const view = useQuery({
    queryKey: ['undo', record.id],
    queryFn: ({ signal }) => readUndoView(record, signal),
    enabled: !undone,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const rows = view.data?.rows ?? [];
  const restores = rows.filter((r) => !r.skip).length;
  const send = useJobMutation<Write>({
    request: toRequests,
    // the queries the write refreshed: the group's backends, or its membership
    invalidates: () => [...record.invalidates],
    undoable: false,
    onSuccess: (_result, _write, outcome) => {
      undoRecords.markUndone(record.id, [outcome.jobUuid]);
      onClose();
      notifyDone(t('undo.done'), t('undo.doneMessage', { count: restores }), outcome);
    },
  });
  const write = view.data?.write;
  const sent = useRef(false);
  useEffect(() => {
    if (!view.data || view.data.differs || !write || sent.current) return;
    sent.current = true;
    send.submit(write);
  }, [view.data, write, send]);

  const busy = send.isPending;
  const ask = !!view.data?.differs && !!write;
  return (
    <Modal
      opened
      onClose={busy ? () => undefined : onClose}
      title={t('undo.title')}
      centered
      closeOnEscape={!busy}
    >
      <Stack gap="md">
        {undone ? (
          <Text size="sm">{t('undo.alreadyUndone')}</Text>
        ) : view.isError ? (
          <QueryErrorAlert query={view} action={t('undo.readAction')} />
        ) : !view.data ? (
          <Group gap="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">{t('undo.checking')}</Text>
          </Group>
        ) : (
          <>
            {!write ? (
              <Text size="sm">{t('undo.nothingToUndo')}</Text>
            ) : view.data.differs ? (
              <Text size="sm">{t('undo.changedSince')}</Text>
            ) : null}
            <List
              size="sm"
              spacing={2}
              aria-label={t('undo.rowsLabel')}
              mah={240}
              style={{ overflowY: 'auto' }}
            >
              {rows.map((row, i) => (
                <List.Item key={i} c={row.skip ? 'dimmed' : undefined}>
                  {rowText(t, row)}
                </List.Item>
              ))}
            </List>
          </>
        )}
        <JobProgress progress={send.progress} label={t('undo.running')} />
        {send.error ? (
          <ZStackErrorAlert
            error={send.error}
            action={t('undo.failedAction')}
            onCheckAgain={send.checkAgain}
          />
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            {ask || send.error ? t('undo.cancel') : t('undo.close')}
          </Button>
          {ask || (send.error && write) ? (
            <Button onClick={() => write && send.submit(write)} loading={busy}>
              {t('undo.confirm', { count: restores })}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
