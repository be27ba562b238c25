import { Group, Loader, Text } from '@mantine/core';
import type { JobProgress as Progress } from '../api/jobs';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/react';

const phaseText = {
  sending: 'job.sending',
  running: 'job.running',
  confirming: 'job.confirming',
} as const;

/** Visible progress of an async ZStack job (role="status" so that it is announced). */
export function JobProgress({ progress, label }: { progress: Progress | undefined; label: string }) {
  const t = useT();
  const { number } = useFormat();
  if (!progress) return null;
  const seconds = number(progress.elapsedMs / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <Group gap="xs" role="status" aria-label={t('job.inProgress', { label })}>
      <Loader size="xs" />
      <Text size="sm">
        {t(phaseText[progress.phase])} {progress.phase !== 'sending' ? t('job.elapsed', { seconds }) : null}
      </Text>
    </Group>
  );
}
