import { memo } from 'react';
import { Badge } from '@mantine/core';
import type { ApiLogEntry, EntryOutcome } from '../../api/log/types';
import { jobEndLabels, outcomeLabels } from '../../api/log/messages';
import { useT } from '../../i18n/react';
import { useFormat } from '../../i18n/format';
import { EntryDetails } from './EntryDetails';
import { rowId } from './rowId';
import classes from './ApiLogPanel.module.css';

const outcomeColor: Record<EntryOutcome, string> = {
  pending: 'blue',
  ok: 'green',
  failed: 'red',
  unknown: 'yellow',
};

/** A long query string (hundreds of uuids) in the row: its start; the details show it whole. */
const short = (query: string) => (query.length > 160 ? `${query.slice(0, 160)}…` : query);

const timeFormat = { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false } as const;

/**
 * One call: a button with its time, API name, outcome, status and duration, method and path and how its
 * job ended; its details below it while expanded.
 */
export const EntryRow = memo(function EntryRow({
  entry,
  expanded,
  focusTarget,
  onToggle,
}: {
  entry: ApiLogEntry;
  expanded: boolean;
  /** The entry the panel was opened at: the drawer's focus trap starts on it (data-autofocus). */
  focusTarget: boolean;
  onToggle: (id: number) => void;
}) {
  const t = useT();
  const { dateTime } = useFormat();
  const detailsId = `${rowId(entry.id)}-details`;
  const status =
    entry.status === undefined
      ? undefined
      : entry.status === 0
        ? t('apiLog.noAnswer')
        : t('apiLog.status', { status: entry.status });
  return (
    <li className={classes.item} data-entry={entry.id}>
      <button
        type="button"
        id={rowId(entry.id)}
        className={classes.row}
        aria-expanded={expanded}
        data-autofocus={focusTarget || undefined}
        aria-controls={expanded ? detailsId : undefined}
        onClick={() => onToggle(entry.id)}
      >
        <span className={classes.time}>{dateTime(entry.at, timeFormat)}</span>
        <span className={classes.name} data-zstack-text={entry.apiName ? '' : undefined}>
          {entry.apiName ?? t('apiLog.unknownApi')}
        </span>
        <span className={classes.status}>
          <Badge size="sm" variant="light" color={outcomeColor[entry.outcome]} tt="none">
            {t(outcomeLabels[entry.outcome])}
          </Badge>{' '}
          {status}
          {entry.durationMs === undefined ? null : ` · ${t('apiLog.duration', { ms: entry.durationMs })}`}
        </span>
        <span className={classes.line}>
          <span data-zstack-text>
            {entry.method} {entry.path}
            {entry.query ? `?${short(entry.query)}` : ''}
          </span>
          {entry.write ? ` · ${t('apiLog.write')}` : ''}
          {entry.job
            ? ` · ${t('apiLog.job', { uuid: entry.job.uuid })}: ${t(jobEndLabels[entry.job.end])}`
            : ''}
        </span>
      </button>
      {expanded ? <EntryDetails id={detailsId} entry={entry} /> : null}
    </li>
  );
});
