import { useT } from '../../i18n/react';
import { formatShare } from './shares';
import classes from './rows.module.css';

/**
 * A backend's share of the traffic as a bar labelled with its percentage (as text, and as the bar's
 * value for assistive technology). Plain elements: a staged list may hold a thousand of them.
 */
export function ShareBar({
  percent,
  label,
  muted = false,
}: {
  percent: number;
  label: string;
  muted?: boolean;
}) {
  const t = useT();
  const text = formatShare(percent);
  const value = Math.round(percent * 10) / 10;
  return (
    <div className={classes.share}>
      <div
        className={classes.bar}
        role="progressbar"
        aria-label={t('backends.shareFor', { label })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={text}
      >
        <div className={classes.fill} style={{ width: `${value}%` }} data-muted={muted || undefined} />
      </div>
      <span className={classes.percent}>{text}</span>
    </div>
  );
}
