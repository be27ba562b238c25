import type { ReactNode } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import type { WriteProgress } from '../../api/useJobMutation';
import { JobProgress } from '../JobProgress';

export interface SubmitRowProps {
  label: string;
  /** Why it cannot be sent now ("Nothing staged yet"); the button is disabled while there is one. */
  blockedBy?: string;
  /** Problems of the staged rows, in a sentence ("2 rows need attention before sending."). */
  problem?: string;
  pending: boolean;
  progress?: WriteProgress;
  children?: ReactNode;
}

/** The end of an "add" form: why it cannot be sent yet, its progress, and its submit button. */
export function SubmitRow({ label, blockedBy, problem, pending, progress, children }: SubmitRowProps) {
  return (
    <Group justify="space-between" align="center" wrap="wrap" gap="sm">
      <Stack gap={2}>
        {problem ? (
          <Text size="sm" c="red">
            {problem}
          </Text>
        ) : null}
        {blockedBy && !pending ? (
          <Text size="sm" c="dimmed">
            {blockedBy}
          </Text>
        ) : null}
        {children}
      </Stack>
      <Group gap="md">
        <JobProgress progress={progress} label={label} />
        <Button type="submit" loading={pending} disabled={!!blockedBy}>
          {label}
        </Button>
      </Group>
    </Group>
  );
}
