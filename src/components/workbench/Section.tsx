import { useId, type ReactNode } from 'react';
import { Group, Paper, Stack, Title } from '@mantine/core';

export interface SectionProps {
  title: string;
  /** Beside the title: a count, a summary. */
  aside?: ReactNode;
  /** At the right of the title row: actions. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled part of a container's page (its members, adding to it): a region named by its title. */
export function Section({ title, aside, actions, children }: SectionProps) {
  const id = useId();
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="sm" wrap="wrap">
          <Group gap="xs" align="baseline" wrap="wrap" miw={0}>
            <Title order={3} size="h4" id={id}>
              {title}
            </Title>
            {aside}
          </Group>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
