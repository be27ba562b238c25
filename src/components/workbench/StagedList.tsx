import { memo, useId, type CSSProperties, type ReactNode } from 'react';
import { Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useT } from '../../i18n/react';
import classes from './StagedList.module.css';
import '@mantine/core/styles/VisuallyHidden.css';

/** What a cell knows of its row besides the row itself. */
export interface StagedCell<X> {
  index: number;
  /** What the row goes by in accessible names. */
  label: string;
  /** The row's value in `extras` (a share of traffic). */
  extra: X | undefined;
  /** The id of the row's problem, for aria-describedby; undefined when it has none. */
  messageId: string | undefined;
}

export interface StagedColumn<R, X> {
  header: string;
  /** Its CSS grid track ("minmax(160px, 1.2fr)"). */
  width: string;
  /** Whether the header is only for assistive technology. */
  hiddenHeader?: boolean;
  render: (row: R, cell: StagedCell<X>) => ReactNode;
}

export interface StagedListProps<R, X = never> {
  /** "To be added": the heading, and with the count the table's accessible name. */
  title: string;
  rows: readonly R[];
  rowKey: (row: R, index: number) => string;
  /** What each row goes by in accessible names ("Remove <label> from the list"). */
  labels: readonly string[];
  /** Keep it stable (useMemo): rows re-render only when their own values change. */
  columns: readonly StagedColumn<R, X>[];
  /** Why a row cannot be sent as it is (shown in the row, which its inputs describe). */
  messages?: readonly (string | undefined)[];
  /** A value per row that one of the columns shows (changes re-render that row only). */
  extras?: readonly (X | undefined)[];
  onRemove: (index: number) => void;
  readOnly?: boolean;
  /** A line under the heading. */
  summary?: ReactNode;
  /** Controls beside the heading ("Set all weights"). */
  toolbar?: ReactNode;
  /** Shown instead of the table while nothing is staged. */
  empty: ReactNode;
}

interface RowProps<R, X> {
  row: R;
  index: number;
  label: string;
  message?: string;
  extra?: X;
  columns: readonly StagedColumn<R, X>[];
  onRemove: (index: number) => void;
  readOnly: boolean;
}

function RowView<R, X>({ row, index, label, message, extra, columns, onRemove, readOnly }: RowProps<R, X>) {
  const messageId = useId();
  const t = useT();
  return (
    <div className={classes.row} role="row">
      {columns.map((column, i) => (
        <div role="cell" key={i}>
          {column.render(row, { index, label, extra, messageId: message ? messageId : undefined })}
          {i === 0 && message ? (
            <span className={classes.message} id={messageId}>
              {message}
            </span>
          ) : null}
        </div>
      ))}
      <div role="cell">
        <button
          type="button"
          className={classes.remove}
          aria-label={t('workbench.removeFromList', { label })}
          onClick={() => onRemove(index)}
          disabled={readOnly}
        >
          {t('common.remove')}
        </button>
      </div>
    </div>
  );
}

// A staged list may hold a thousand rows: each row is a handful of plain elements, memoised.
const Row = memo(RowView) as typeof RowView;

/**
 * What is about to be added, before it is sent: one row per entry with its own inputs, any problem in the
 * row, and a way to take it out of the list. The same list for virtual IDs and for backends.
 */
export function StagedList<R, X = never>({
  title,
  rows,
  rowKey,
  labels,
  columns,
  messages,
  extras,
  onRemove,
  readOnly = false,
  summary,
  toolbar,
  empty,
}: StagedListProps<R, X>) {
  const headingId = useId();
  const t = useT();
  const template = {
    '--staged-columns': [...columns.map((c) => c.width), '84px'].join(' '),
  } as CSSProperties;
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={4} size="h5" id={headingId}>
            {title} ({rows.length})
          </Title>
          {rows.length && summary ? (
            <Text size="sm" c="dimmed">
              {summary}
            </Text>
          ) : null}
        </div>
        {rows.length ? toolbar : null}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <div className={classes.scroller}>
          <div
            className={classes.grid}
            style={template}
            data-long={rows.length > 100 || undefined}
            role="table"
            aria-labelledby={headingId}
            aria-rowcount={rows.length + 1}
          >
            <div className={classes.head} role="row">
              {columns.map((column) => (
                <div role="columnheader" key={column.header}>
                  {column.hiddenHeader ? <VisuallyHidden>{column.header}</VisuallyHidden> : column.header}
                </div>
              ))}
              <div role="columnheader">
                <VisuallyHidden>{t('common.remove')}</VisuallyHidden>
              </div>
            </div>
            {rows.map((row, index) => (
              <Row
                key={rowKey(row, index)}
                row={row}
                index={index}
                label={labels[index] ?? ''}
                message={messages?.[index]}
                extra={extras?.[index]}
                columns={columns}
                onRemove={onRemove}
                readOnly={readOnly}
              />
            ))}
          </div>
        </div>
      )}
    </Stack>
  );
}
