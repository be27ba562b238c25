import { memo, useId } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import type { StagedForm, StagedRow } from './schema';
import { ShareBar } from './ShareBar';
import classes from './rows.module.css';

export interface StagedRowViewProps {
  index: number;
  row: StagedRow;
  label: string;
  /** Share of traffic after the change, in percent. */
  share: number;
  /** Why the row cannot be sent as it is (shown beside the weight, which is marked invalid). */
  message?: string;
  register: UseFormRegister<StagedForm>;
  onRemove: (index: number) => void;
  readOnly: boolean;
}

/**
 * One staged backend: what it is, its "Weight for <label>" input with any problem beside it, its share
 * after the change. Plain elements and one memoised component per row, so that a thousand rows stay fast.
 */
export const StagedRowView = memo(function StagedRowView({
  index,
  row,
  label,
  share,
  message,
  register,
  onRemove,
  readOnly,
}: StagedRowViewProps) {
  const messageId = useId();
  return (
    <div className={classes.row} role="row">
      <div role="cell">
        <span className={classes.name}>{row.kind === 'nic' ? row.vmName : row.ipAddress}</span>
        <span className={classes.badge} data-kind={row.kind}>
          {row.kind === 'nic' ? 'VM NIC' : 'IP'}
        </span>
        {row.kind === 'nic' ? (
          <span className={classes.detail}>
            {row.ip} · {row.l3Name}
          </span>
        ) : null}
      </div>
      <div role="cell">
        <div className={classes.weight}>
          <input
            {...register(`rows.${index}.weight`)}
            className={classes.input}
            aria-label={`Weight for ${label}`}
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? messageId : undefined}
            inputMode="numeric"
            autoComplete="off"
            readOnly={readOnly}
          />
          {message ? (
            <span className={classes.message} id={messageId}>
              {message}
            </span>
          ) : null}
        </div>
      </div>
      <div role="cell">
        <ShareBar percent={share} label={label} />
      </div>
      <div role="cell">
        <button
          type="button"
          className={classes.remove}
          aria-label={`Remove ${label} from the list`}
          onClick={() => onRemove(index)}
          disabled={readOnly}
        >
          Remove
        </button>
      </div>
    </div>
  );
});
