import type { ReactNode } from 'react';
import {
  Checkbox,
  EmptyState,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import type { ZStackError } from '../../api/errors';
import { useT } from '../../i18n/react';
import { ZStackErrorAlert } from '../ZStackErrorAlert';
import type { CountedNoun } from './noun';
import { SelectionBar, TablePages, TableToolbar } from './TableToolbar';
import type { SelectionState } from './useSelection';
import type { TableState } from './useTableState';
import classes from './MembersTable.module.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/CheckboxIndicator.css';
import '@mantine/core/styles/EmptyState.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/VisuallyHidden.css';

export interface MembersColumn<T> {
  key: string;
  header: string;
  /** A fixed width in px keeps the columns where they are whatever the rows hold. */
  width: number;
  sortable?: boolean;
  render: (row: T) => ReactNode;
}

export interface MembersTableProps<T> {
  /** The table's name: its accessible name and the caption of its pages ("Members", "Backend servers"). */
  label: string;
  noun: CountedNoun;
  columns: readonly MembersColumn<T>[];
  rowKey: (row: T) => string;
  /** What a row goes by in accessible names ("Select <label>"). */
  rowLabel: (row: T) => string;
  /**
   * The read of the current page (a React Query result fits): the page and how many rows match in all
   * (undefined until the first answer), whether it is being read, its error, how to read it again.
   */
  read: {
    data: { rows: readonly T[]; total: number } | undefined;
    isFetching: boolean;
    error: ZStackError | null;
    refetch: () => unknown;
  };
  /** What failed, as a verb phrase: "load the members of oncall". */
  errorAction: string;
  /** What failed when a page shown already is read again: "refresh the members of oncall". */
  refreshAction: string;
  state: TableState;
  /** Undefined when rows cannot be chosen (nothing may be done with them). */
  selection?: SelectionState<T>;
  /** What can be done with the chosen rows ("Remove selected"). */
  bulkActions?: ReactNode;
  /** Actions of one row, in a column that stays in view when the table scrolls sideways. */
  rowActions?: (row: T) => ReactNode;
  actionsWidth?: number;
  filterLabel: string;
  empty: { title: string; text: ReactNode };
}

/**
 * The one table of a container's members (a group's virtual IDs, a server group's backends): filter,
 * sort by a column, pages of 20, 50 or 100, selection across pages and of every row that matches,
 * actions per row and for the selection, and its loading, empty and error states.
 */
export function MembersTable<T>(props: MembersTableProps<T>) {
  const { label, noun, columns, rowKey, rowLabel, state, selection, rowActions } = props;
  const { data: page, isFetching: fetching, error } = props.read;
  const retry = () => void props.read.refetch();
  const t = useT();
  const { query } = state;
  const rows = page?.rows ?? [];
  const total = page?.total ?? 0;
  const onPage = rows.filter((row) => selection?.isSelected(rowKey(row))).length;

  if (!page && error)
    return (
      <ZStackErrorAlert
        error={error}
        action={props.errorAction}
        onRetry={retry}
        retryLabel={t('common.retry')}
      />
    );
  if (!page)
    return (
      <Group gap="xs" role="status" aria-label={t('workbench.loadingLabel', { what: noun.many })}>
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {t('workbench.loading', { what: noun.many })}
        </Text>
      </Group>
    );
  if (total === 0 && !query.filter && !state.filterText)
    return (
      <EmptyState
        size="sm"
        align="left"
        role="region"
        aria-label={t('workbench.none', { what: noun.many })}
        title={<EmptyState.Title order={4}>{props.empty.title}</EmptyState.Title>}
      >
        <EmptyState.Description>{props.empty.text}</EmptyState.Description>
      </EmptyState>
    );

  const width =
    columns.reduce((sum, c) => sum + c.width, 0) + (selection ? 40 : 0) + (props.actionsWidth ?? 0);
  return (
    <Stack gap="xs">
      {error ? (
        <ZStackErrorAlert
          error={error}
          action={props.refreshAction}
          onRetry={retry}
          retryLabel={t('common.retry')}
        />
      ) : null}
      <TableToolbar
        label={label}
        noun={noun}
        state={state}
        total={total}
        shown={rows.length}
        fetching={fetching}
        filterLabel={props.filterLabel}
      />
      {selection ? (
        <SelectionBar
          noun={noun}
          selection={selection}
          filter={query.filter}
          total={total}
          allOnPage={rows.length > 0 && onPage === rows.length}
          actions={props.bulkActions}
        />
      ) : null}
      <Table.ScrollContainer minWidth={width} type="native">
        <Table
          aria-label={label}
          aria-busy={fetching}
          className={classes.table}
          verticalSpacing={6}
          highlightOnHover
        >
          <colgroup>
            {selection ? <col style={{ width: 40 }} /> : null}
            {columns.map((c) => (
              <col key={c.key} style={{ width: c.width }} />
            ))}
            {rowActions ? <col style={{ width: props.actionsWidth }} /> : null}
          </colgroup>
          <Table.Thead>
            <Table.Tr>
              {selection ? (
                <Table.Th>
                  <Checkbox
                    aria-label={t('workbench.selectPage')}
                    checked={rows.length > 0 && onPage === rows.length}
                    indeterminate={onPage > 0 && onPage < rows.length}
                    onChange={(e) => selection.toggle(rows, e.currentTarget.checked)}
                    disabled={rows.length === 0}
                  />
                </Table.Th>
              ) : null}
              {columns.map((c) => (
                <Table.Th
                  key={c.key}
                  aria-sort={
                    query.sort.key === c.key
                      ? query.sort.direction === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : undefined
                  }
                >
                  {c.sortable ? (
                    <UnstyledButton className={classes.sort} onClick={() => state.sortBy(c.key)}>
                      {c.header}
                      <span aria-hidden className={classes.arrow}>
                        {query.sort.key === c.key ? (query.sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </UnstyledButton>
                  ) : (
                    c.header
                  )}
                </Table.Th>
              ))}
              {rowActions ? (
                <Table.Th className={classes.sticky}>
                  <VisuallyHidden>{t('workbench.actions')}</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const key = rowKey(row);
              const selected = selection?.isSelected(key) ?? false;
              return (
                <Table.Tr key={key} data-selected={selected || undefined}>
                  {selection ? (
                    <Table.Td>
                      <Checkbox
                        aria-label={t('workbench.selectRow', { label: rowLabel(row) })}
                        checked={selected}
                        onChange={(e) => selection.toggle([row], e.currentTarget.checked)}
                      />
                    </Table.Td>
                  ) : null}
                  {columns.map((c) => (
                    <Table.Td key={c.key}>{c.render(row)}</Table.Td>
                  ))}
                  {rowActions ? <Table.Td className={classes.sticky}>{rowActions(row)}</Table.Td> : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" role="status">
          {query.filter
            ? t('workbench.noMatch', { what: noun.one, filter: query.filter })
            : t('workbench.pageEmptied', { what: noun.many })}
        </Text>
      ) : null}
      <TablePages label={label} state={state} total={total} />
    </Stack>
  );
}
