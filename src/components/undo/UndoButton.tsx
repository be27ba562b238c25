import type { ReactNode } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useT } from '../../i18n/react';
import { requestUndo } from './undoRequests';

/** How long a success notification offers "Undo" (the record stays for the session). */
export const undoOfferMs = 15_000;

function UndoButton({ recordId, notificationId }: { recordId: string; notificationId: string }) {
  const t = useT();
  return (
    <Button
      size="compact-sm"
      variant="light"
      style={{ flexShrink: 0 }}
      onClick={() => {
        notifications.hide(notificationId);
        requestUndo(recordId);
      }}
    >
      {t('undo.action')}
    </Button>
  );
}

/** A success notification's text with its "Undo" button (a real button, reachable with Tab). */
export function withUndo(text: ReactNode, recordId: string, notificationId: string): ReactNode {
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
      <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
        {text}
      </Text>
      <UndoButton recordId={recordId} notificationId={notificationId} />
    </Group>
  );
}
