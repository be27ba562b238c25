import type { QueryKey } from '@tanstack/react-query';
import { useT } from '../../i18n/react';
import { notifyDone } from '../notifyDone';
import { countOf, type CountedNoun } from './noun';
import { RunDialog, type RunDialogProps, type RunPlan } from './RunDialog';

export interface RemovalDialogProps<I> {
  target: RunDialogProps<I>['target'];
  /** The container they leave: "oncall", "web-pool". */
  from: string;
  noun: CountedNoun;
  /** What the removal does, in a sentence, for `n` items. */
  message: (n: number) => string;
  itemText: (item: I) => string;
  itemKey: (item: I) => string;
  plan: (items: readonly I[]) => RunPlan<I>;
  invalidates: QueryKey[];
  /** The table's selection: the removed rows leave it, call by call. */
  selection: { forget: (keys: Iterable<string>) => void };
  /** The notification's text once every item is removed. */
  removedText: (items: readonly I[]) => string;
  onRemoved?: (items: readonly I[]) => void;
  onClose: () => void;
}

/**
 * "Remove from <container>": the confirm-and-run dialog of a members table, for members and backends
 * alike: names what leaves, removes it (in several calls when needed), takes each removed row out of the
 * selection as its call ends, and says when all is done.
 */
export function RemovalDialog<I>(props: RemovalDialogProps<I>) {
  const { from, noun, itemKey, selection } = props;
  const t = useT();
  const forget = (items: readonly I[]) => selection.forget(items.map(itemKey));
  return (
    <RunDialog<I>
      target={props.target}
      noun={noun}
      title={t('workbench.removeFrom', { from })}
      message={props.message}
      confirmLabel={(n) => t('workbench.removeCount', { count: countOf(noun, n) })}
      verb={t('workbench.removing')}
      action={t('workbench.removeAction', { what: noun.many, from })}
      itemText={props.itemText}
      plan={props.plan}
      invalidates={props.invalidates}
      onCallDone={(_result, items) => forget(items)}
      onDone={(items, outcome) => {
        forget(items);
        props.onClose();
        notifyDone(t('workbench.removedFrom', { from }), props.removedText(items), outcome);
        props.onRemoved?.(items);
      }}
      onClose={props.onClose}
    />
  );
}
