import { Group, Loader, Text } from '@mantine/core';
import type { JobProgress as Progress } from '../api/jobs';

const phaseText = {
  sending: 'Sending to ZStack…',
  running: 'ZStack is working on it…',
  confirming: 'Connection lost: asking ZStack whether it received the request…',
} as const;

/** Visible progress of an async ZStack job (role="status" so that it is announced). */
export function JobProgress({ progress, label }: { progress: Progress | undefined; label: string }) {
  if (!progress) return null;
  const seconds = (progress.elapsedMs / 1000).toFixed(1);
  return (
    <Group gap="xs" role="status" aria-label={`${label} in progress`}>
      <Loader size="xs" />
      <Text size="sm">
        {phaseText[progress.phase]} {progress.phase !== 'sending' ? `(${seconds} s)` : null}
      </Text>
    </Group>
  );
}
