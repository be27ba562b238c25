import type { ReactNode } from 'react';
import { Button, Group, Loader, NativeSelect, Pagination, Text, TextInput } from '@mantine/core';
import { count, type Noun } from '../../lib/plural';
import type { SelectionState } from './useSelection';
import { pageSizes, type TableState } from './useTableState';
import '@mantine/core/styles/Pagination.css';

export interface TableToolbarProps {
  label: string;
  noun: Noun;
  state: TableState;
  total: number;
  shown: number;
  fetching: boolean;
  filterLabel: string;
}

/** Above a members table: the filter, which rows are shown of how many, and the page size. */
export function TableToolbar({ label, noun, state, total, shown, fetching, filterLabel }: TableToolbarProps) {
  const { query } = state;
  const first = query.page * query.pageSize + 1;
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <TextInput
        aria-label={filterLabel}
        placeholder={filterLabel}
        value={state.filterText}
        onChange={(e) => state.setFilterText(e.currentTarget.value)}
        w={260}
        size="xs"
        rightSection={fetching ? <Loader size={12} aria-label={`Refreshing ${label}`} /> : null}
      />
      <Group gap="sm" wrap="nowrap">
        <Text size="sm" c="dimmed" aria-live="polite" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {shown > 0
            ? `${first.toLocaleString('en-US')}–${(first + shown - 1).toLocaleString('en-US')} of ${count(total, noun)}`
            : count(total, noun)}
          {query.filter ? ` matching “${query.filter}”` : ''}
        </Text>
        <NativeSelect
          aria-label="Rows per page"
          size="xs"
          value={String(query.pageSize)}
          onChange={(e) => state.setPageSize(Number(e.currentTarget.value))}
          data={pageSizes.map((n) => ({ value: String(n), label: `${n} per page` }))}
        />
      </Group>
    </Group>
  );
}

export interface SelectionBarProps<T> {
  noun: Noun;
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
  const matching = selection.selection.kind === 'matching';
  return (
    <Group gap="sm" mih={30} wrap="wrap" className="selection-bar">
      {actions}
      {selection.count > 0 ? (
        <Text size="sm" aria-live="polite">
          {count(selection.count, noun)} selected
          {matching ? ` (every ${noun.one}${filter ? ` matching “${filter}”` : ''})` : ''}
        </Text>
      ) : null}
      {allOnPage && !matching && total > selection.count ? (
        <Button variant="subtle" size="compact-sm" onClick={() => selection.selectMatching(filter, total)}>
          Select all {count(total, noun)}
          {filter ? ` matching “${filter}”` : ''}
        </Button>
      ) : null}
      {selection.count > 0 ? (
        <Button variant="subtle" size="compact-sm" onClick={selection.clear}>
          Clear selection
        </Button>
      ) : null}
    </Group>
  );
}

/** Below a members table: its pages, named "Page n", "Next page" and so on. */
export function TablePages({ label, state, total }: { label: string; state: TableState; total: number }) {
  const pages = Math.max(1, Math.ceil(total / state.query.pageSize));
  if (pages <= 1) return null;
  return (
    <Pagination
      size="sm"
      total={pages}
      value={state.query.page + 1}
      onChange={(p) => state.setPage(p - 1)}
      aria-label={`Pages of ${label}`}
      getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
      getControlProps={(control) => ({
        'aria-label': {
          first: 'First page',
          last: 'Last page',
          next: 'Next page',
          previous: 'Previous page',
        }[control],
      })}
    />
  );
}
