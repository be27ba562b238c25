import type { UseFormRegister } from 'react-hook-form';
import type { StagedColumn } from '../../components/workbench/StagedList';
import { useT, type Translate } from '../../i18n/react';
import type { StagedForm, StagedRow } from './schema';
import { ShareCells } from './traffic/ShareCells';
import type { StagedShare } from './traffic/useStagedShares';
import classes from './rows.module.css';

/**
 * The columns of the staged backends: what each one is, its "Weight for <label>" input (described by
 * the row's problem, if any), and its share of traffic after the change.
 */
export function stagedColumns(
  register: UseFormRegister<StagedForm>,
  readOnly: boolean,
  traffic: { names: ReadonlyMap<string, string>; ready: boolean },
  t: Translate,
): StagedColumn<StagedRow & { id: string }, StagedShare>[] {
  return [
    {
      header: t('backends.col.backend'),
      width: 'minmax(160px, 1.2fr)',
      render: (row) => (
        <>
          <span className={classes.name}>{row.kind === 'nic' ? row.vmName : row.ipAddress}</span>
          <KindBadge kind={row.kind} />
          {row.kind === 'nic' ? (
            <span className={classes.detail}>
              {row.ip} · {row.l3Name}
            </span>
          ) : null}
        </>
      ),
    },
    {
      header: t('backends.col.weight'),
      width: '96px',
      render: (_row, { index, label, messageId }) => (
        <input
          {...register(`rows.${index}.weight`)}
          className={classes.input}
          aria-label={t('backends.weight.for', { label })}
          aria-invalid={messageId ? true : undefined}
          aria-describedby={messageId}
          inputMode="numeric"
          autoComplete="off"
          readOnly={readOnly}
        />
      ),
    },
    {
      header: t('backends.col.shareAfter'),
      width: 'minmax(180px, 1fr)',
      render: (_row, { label, extra }) =>
        extra ? (
          <ShareCells
            shares={extra.shares}
            rowKey={extra.key}
            label={label}
            names={traffic.names}
            ready={traffic.ready}
          />
        ) : null,
    },
  ];
}

/** "VM NIC" or "IP", beside a backend's name. */
export function KindBadge({ kind }: { kind: 'nic' | 'ip' }) {
  const t = useT();
  return (
    <span className={classes.badge} data-kind={kind}>
      {kind === 'nic' ? t('backends.kind.nic') : t('backends.kind.ip')}
    </span>
  );
}
