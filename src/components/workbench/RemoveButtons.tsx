import { Button } from '@mantine/core';
import { useT } from '../../i18n/react';

/** "Remove selected (n)" above a members table: opens the confirmation for the chosen rows. */
export function RemoveSelectedButton({ count, onClick }: { count: number; onClick: () => void }) {
  const t = useT();
  return (
    <Button color="red" variant="light" size="xs" disabled={count === 0} onClick={onClick}>
      {t('workbench.removeSelected', { count })}
    </Button>
  );
}

/** "Remove" in a row's actions, named "Remove <label> from the group". */
export function RowRemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const t = useT();
  return (
    <Button
      variant="subtle"
      color="red"
      size="compact-sm"
      aria-label={t('workbench.removeFromGroup', { label })}
      onClick={onClick}
    >
      {t('common.remove')}
    </Button>
  );
}
