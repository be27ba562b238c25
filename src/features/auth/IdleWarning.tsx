import { Button, Group, Modal, Text } from '@mantine/core';
import { useIdleLogout } from '../../session/idle';

function format(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Warns before the idle logout, with a way to stay signed in. */
export function IdleWarning({ active }: { active: boolean }) {
  const { warningMsLeft, stayActive } = useIdleLogout(active);
  const opened = warningMsLeft !== undefined;
  return (
    <Modal opened={opened} onClose={stayActive} title="Still there?" centered>
      {opened ? (
        <>
          <Text size="sm" role="timer" aria-live="polite">
            You will be logged out in {format(warningMsLeft)} because of inactivity. What you typed stays on
            the page.
          </Text>
          <Group justify="flex-end" mt="md">
            <Button onClick={stayActive} data-autofocus>
              Stay signed in
            </Button>
          </Group>
        </>
      ) : null}
    </Modal>
  );
}
