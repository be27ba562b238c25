import { Button } from '@mantine/core';

/** "Remove selected (n)" above a members table: opens the confirmation for the chosen rows. */
export function RemoveSelectedButton({ count, onClick }: { count: number; onClick: () => void }) {
  return (
    <Button color="red" variant="light" size="xs" disabled={count === 0} onClick={onClick}>
      Remove selected{count ? ` (${count.toLocaleString('en-US')})` : ''}
    </Button>
  );
}

/** "Remove" in a row's actions, named "Remove <label> from the group". */
export function RowRemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button
      variant="subtle"
      color="red"
      size="compact-sm"
      aria-label={`Remove ${label} from the group`}
      onClick={onClick}
    >
      Remove
    </Button>
  );
}
