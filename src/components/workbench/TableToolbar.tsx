import type { ReactNode } from 'react';
import { Button, Group, Loader, NativeSelect, Pagination, Text, TextInput } from '@mantine/core';
import { useT } from '../../i18n/react';
import { countOf, type CountedNoun } from './noun';
import type { SelectionState } from './useSelection';
import { pageSizes, type TableState } from './useTableState';
import '@mantine/core/styles/Pagination.css';

export interface TableToolbarProps {
  label: string;
  noun: CountedNoun;
  state: TableState;
  total: number;
  shown: number;
  fetching: boolean;
  filterLabel: string;
}

/** Above a members table: the filter, which rows are shown of how many, and the page size. */
export function TableToolbar({ label, noun, state, total, shown, fetching, filterLabel }: TableToolbarProps) {
  const t = useT();
  const { query } = state;
  const first = query.page * query.pageSize + 1;
  const of = countOf(noun, total);
  const filter = query.filter;
  const shownText =
    shown > 0
      ? filter
        ? t('workbench.rangeMatching', { first, last: first + shown - 1, total: of, filter })
        : t('workbench.range', { first, last: first + shown - 1, total: of })
      : filter
        ? t('workbench.totalMatching', { total: of, filter })
        : of;
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <TextInput
        aria-label={filterLabel}
        placeholder={filterLabel}
        value={state.filterText}
        onChange={(e) => state.setFilterText(e.currentTarget.value)}
        w={260}
        size="xs"
        rightSection={
          fetching ? <Loader size={12} aria-label={t('workbench.refreshing', { label })} /> : null
        }
      />
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" c="dimmed" aria-live="polite" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {shownText}
        </Text>
        <NativeSelect
          aria-label={t('workbench.rowsPerPage')}
          size="xs"
          value={String(query.pageSize)}
          onChange={(e) => state.setPageSize(Number(e.currentTarget.value))}
          data={pageSizes.map((n) => ({ value: String(n), label: t('workbench.perPage', { n }) }))}
        />
      </Group>
    </Group>
  );
}

export interface SelectionBarProps<T> {
  noun: CountedNoun;
  selection: SelectionState<T>;
  filter: string;
  total: number;
  allOnPage: boolean;
  actions?: ReactNode;
}

/**
 * What is chosen, and what can be done with it. Once every row of the page is chosen, one click chooses
 * every row that matches (all of them without a filter), however many pages they fill.
 */
export function SelectionBar<T>({
  noun,
  selection,
  filter,
  total,
  allOnPage,
  actions,
}: SelectionBarProps<T>) {
  const t = useT();
  const matching = selection.selection.kind === 'matching';
  const chosen = countOf(noun, selection.count);
  const all = countOf(noun, total);
  return (
    <Group gap="sm" mih={30} wrap="wrap" className="selection-bar">
      {actions}
      {selection.count > 0 ? (
        <Text size="sm" aria-live="polite">
          {matching
            ? filter
              ? t('workbench.selectedEveryMatching', { count: chosen, what: noun.one, filter })
              : t('workbench.selectedEvery', { count: chosen, what: noun.one })
            : t('workbench.selected', { count: chosen })}
        </Text>
      ) : null}
      {allOnPage && !matching && total > selection.count ? (
        <Button variant="subtle" size="compact-sm" onClick={() => selection.selectMatching(filter, total)}>
          {filter
            ? t('workbench.selectAllMatching', { count: all, filter })
            : t('workbench.selectAll', { count: all })}
        </Button>
      ) : null}
      {selection.count > 0 ? (
        <Button variant="subtle" size="compact-sm" onClick={selection.clear}>
          {t('workbench.clearSelection')}
        </Button>
      ) : null}
    </Group>
  );
}

/** Below a members table: its pages, named "Page n", "Next page" and so on. */
export function TablePages({ label, state, total }: { label: string; state: TableState; total: number }) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / state.query.pageSize));
  if (pages <= 1) return null;
  return (
    <Pagination
      size="sm"
      total={pages}
      value={state.query.page + 1}
      onChange={(p) => state.setPage(p - 1)}
      aria-label={t('workbench.pages', { label })}
      getItemProps={(p) => ({ 'aria-label': t('workbench.page', { page: p }) })}
      getControlProps={(control) => ({
        'aria-label': {
          first: t('workbench.firstPage'),
          last: t('workbench.lastPage'),
          next: t('workbench.nextPage'),
          previous: t('workbench.previousPage'),
        }[control],
      })}
    />
  );
}
