import { Button, Group, Modal, Text } from '@mantine/core';
import { useIdleLogout } from '../../session/idle';
import { useT } from '../../i18n/react';

function format(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Warns before the idle logout, with a way to stay signed in. */
export function IdleWarning({ active }: { active: boolean }) {
  const t = useT();
  const { warningMsLeft, stayActive } = useIdleLogout(active);
  const opened = warningMsLeft !== undefined;
  return (
    <Modal opened={opened} onClose={stayActive} title={t('idle.title')} centered>
      {opened ? (
        <>
          <Text size="sm" role="timer" aria-live="polite">
            {t('idle.text', { time: format(warningMsLeft) })}
          </Text>
          <Group justify="flex-end" mt="md">
            <Button onClick={stayActive} data-autofocus>
              {t('idle.stay')}
            </Button>
          </Group>
        </>
      ) : null}
    </Modal>
  );
}
