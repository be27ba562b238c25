import { useRef, useState } from 'react';
import { Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import type { AsyncRequest } from '../../api/jobs';
import { useJobMutation, type JobOutcome } from '../../api/useJobMutation';
import { useT } from '../../i18n/react';
import { JobProgress } from '../JobProgress';
import { ZStackErrorAlert } from '../ZStackErrorAlert';
import { QueryErrorAlert } from '../QueryErrorAlert';
import { countOf, useNameList, type CountedNoun } from './noun';
import '@mantine/core/styles/List.css';

/** The calls that carry out a change of many items, and which items each call takes. */
export interface RunPlan<I> {
  chunks: I[][];
  requests: AsyncRequest[];
}

export interface RunDialogProps<I> {
  /**
   * What to change: the items, or how to find them (every member matching a filter). The dialog is open
   * while it is rendered: render it anew for each change.
   */
  target: { items: readonly I[] } | { find: (signal: AbortSignal) => Promise<I[]>; findKey: QueryKey };
  noun: CountedNoun;
  title: string;
  /** What the change does, in a sentence, for `n` items. */
  message: (n: number) => string;
  /** The confirm button, for `n` items: "Remove 3 members". */
  confirmLabel: (n: number) => string;
  /** The progress line: "Removing". */
  verb: string;
  /** What failed, as a verb phrase: "remove members from oncall". */
  action: string;
  itemText: (item: I) => string;
  plan: (items: readonly I[]) => RunPlan<I>;
  invalidates: QueryKey[];
  /** After each call: what it answered, and the items it took. */
  onCallDone?: (result: unknown, items: readonly I[]) => void;
  /** Everything was done. */
  onDone: (items: readonly I[], outcome: JobOutcome) => void;
  onClose: () => void;
}

const shownItems = 10;

/**
 * Asks before a costly change, naming what it touches, then carries it out itself: one call, or several
 * when one would be too large, with progress. When a call fails, it says exactly which items were
 * changed and which were not, with ZStack's error, and offers to go on with the rest. Focus starts on
 * "Cancel"; while it runs the dialog stays and nothing can be sent twice.
 */
export function RunDialog<I>(props: RunDialogProps<I>) {
  const { target, noun, itemText, plan } = props;
  const t = useT();
  const nameList = useNameList();
  const count = (n: number) => countOf(noun, n);
  const finding = 'find' in target ? target : undefined;
  const found = useQuery({
    queryKey: finding?.findKey ?? ['run-dialog', 'given'],
    queryFn: ({ signal }) => finding!.find(signal),
    enabled: !!finding,
    staleTime: 0,
    gcTime: 0,
  });
  const all = 'items' in target ? target.items : found.data;
  // items done by an earlier attempt that stopped half-way: "go on" sends only the others
  const [done, setDone] = useState<ReadonlySet<I>>(new Set());
  const remaining = all?.filter((i) => !done.has(i));
  // the chunks of the attempt running or last run (state to show them, a ref for the callbacks)
  const [sent, setSent] = useState<I[][]>([]);
  const sentRef = useRef<I[][]>([]);

  const run = useJobMutation<readonly I[]>({
    request: (items) => {
      const p = plan(items);
      sentRef.current = p.chunks;
      setSent(p.chunks);
      return p.requests;
    },
    invalidates: () => props.invalidates,
    onCallDone: (result, index) => props.onCallDone?.(result, sentRef.current[index] ?? []),
    onSuccess: (result, items, outcome) => {
      // a single call reports here only
      if (sentRef.current.length === 1) props.onCallDone?.(result, items);
      props.onDone(all ?? items, outcome);
    },
  });
  const failedAt = run.error?.batch?.done;
  const changed = failedAt !== undefined ? sent.slice(0, failedAt).flat() : [];
  const notChanged = failedAt !== undefined ? sent.slice(failedAt).flat() : [];

  const confirm = () => {
    const next = new Set([...done, ...changed]);
    setDone(next);
    const items = (all ?? []).filter((i) => !next.has(i));
    if (items.length) run.submit(items);
  };

  const n = (failedAt !== undefined ? notChanged.length : remaining?.length) ?? 0;
  const names = (remaining ?? []).map(itemText);
  return (
    <Modal
      opened
      onClose={run.isPending ? () => undefined : props.onClose}
      title={props.title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
      closeOnEscape={!run.isPending}
    >
      <Stack gap="md">
        {!all ? (
          found.isError ? (
            <QueryErrorAlert query={found} action={t('workbench.findAction', { what: noun.many })} />
          ) : (
            <Group gap="xs" role="status">
              <Loader size="xs" />
              <Text size="sm">{t('workbench.finding', { what: noun.many })}</Text>
            </Group>
          )
        ) : (
          <>
            <Text size="sm">{props.message(remaining?.length ?? 0)}</Text>
            <List
              size="sm"
              spacing={2}
              aria-label={t('workbench.affected')}
              mah={200}
              style={{ overflowY: 'auto' }}
            >
              {names.slice(0, shownItems).map((name, i) => (
                <List.Item key={i}>{name}</List.Item>
              ))}
              {names.length > shownItems ? (
                <List.Item>{t('workbench.andMore', { count: count(names.length - shownItems) })}</List.Item>
              ) : null}
            </List>
          </>
        )}
        {run.progress ? (
          <Stack gap={2}>
            {run.progress.batch ? (
              <Text size="sm" role="status">
                {t('workbench.callProgress', {
                  verb: props.verb,
                  count: count(remaining?.length ?? 0),
                  call: run.progress.batch.done + 1,
                  of: run.progress.batch.of,
                })}
              </Text>
            ) : null}
            <JobProgress progress={run.progress} label={props.verb} />
          </Stack>
        ) : null}
        {run.error ? (
          <ZStackErrorAlert error={run.error} action={props.action} onCheckAgain={run.checkAgain}>
            {failedAt !== undefined ? (
              <Text size="sm">
                {changed.length
                  ? t('workbench.partlyDone', {
                      done: count(changed.length),
                      doneNames: nameList(changed.map(itemText), 5),
                      notDone: count(notChanged.length),
                      notDoneNames: nameList(notChanged.map(itemText), 5),
                    })
                  : t('workbench.noneDone', {
                      notDone: count(notChanged.length),
                      notDoneNames: nameList(notChanged.map(itemText), 5),
                    })}
              </Text>
            ) : null}
          </ZStackErrorAlert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onClose} disabled={run.isPending} data-autofocus>
            {changed.length ? t('common.close') : t('common.cancel')}
          </Button>
          <Button color="red" onClick={confirm} loading={run.isPending} disabled={!all || n === 0}>
            {props.confirmLabel(n)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
