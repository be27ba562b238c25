import type { ReactNode } from 'react';
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import '@mantine/core/styles/List.css';

export interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  /** What will happen, in a sentence. */
  message: ReactNode;
  /** The items concerned, named one by one (text only). */
  items?: string[];
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** While the confirmed action runs: the dialog stays, the buttons cannot send twice. */
  busy?: boolean;
  /** Shown inside the dialog (an error alert when the action failed). */
  children?: ReactNode;
  danger?: boolean;
}

/** Asks before a costly change, naming exactly what it will touch. Focus starts on "Cancel". */
export function ConfirmDialog({
  opened,
  title,
  message,
  items,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
  children,
  danger = true,
}: ConfirmDialogProps) {
  return (
    <Modal opened={opened} onClose={busy ? () => undefined : onCancel} title={title} centered closeOnEscape={!busy}>
      <Stack gap="md">
        <Text size="sm">{message}</Text>
        {items?.length ? (
          <List size="sm" spacing={2} aria-label="Affected items" mah={240} style={{ overflowY: 'auto' }}>
            {items.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        ) : null}
        {children}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
