import { Badge, CheckIcon } from '@mantine/core';
import type { PickerItemText } from './pickerSearch';
import classes from './Picker.module.css';
import '@mantine/core/styles/Badge.css';

const badgeColors: Record<string, string> = { Enabled: 'green', Disabled: 'gray', Staled: 'orange' };

/** A state as ZStack reports it (virtual ID, group, project), as text in a badge. */
export function StateBadge({ state }: { state: string | null | undefined }) {
  if (!state) return null;
  return (
    <Badge
      variant="light"
      color={badgeColors[state] ?? 'yellow'}
      tt="none"
      radius="sm"
      style={{ flex: 'none' }}
    >
      {state}
    </Badge>
  );
}

export interface PickerOptionProps {
  text: PickerItemText;
  /** Why it cannot be chosen, shown under it. */
  disabledReason?: string;
  /** In a multiple choice: whether it is chosen (a check mark). */
  checked?: boolean;
}

/**
 * The content of one option of every picker: its name, a second line, a badge, and why it cannot be
 * chosen. The lines keep their contrast on the highlighted option (white on blue).
 */
export function PickerOption({ text, disabledReason, checked }: PickerOptionProps) {
  return (
    <div className={classes.option}>
      {checked !== undefined ? (
        <CheckIcon
          size={12}
          className={classes.check}
          style={{ visibility: checked ? 'visible' : 'hidden' }}
        />
      ) : null}
      <div className={classes.text}>
        <div className={classes.primaryLine}>
          {/* a resource's name, as ZStack has it */}
          <span className={classes.primary} data-zstack-text>
            {text.primary}
          </span>
          {text.badge ? <StateBadge state={text.badge} /> : null}
        </div>
        {text.secondary ? <div className={classes.secondary}>{text.secondary}</div> : null}
        {disabledReason ? <div className={classes.secondary}>{disabledReason}</div> : null}
      </div>
    </div>
  );
}
