import { Stack, Title } from '@mantine/core';

export function ServerGroupsPage() {
  return (
    <Stack>
      <Title order={2}>Server groups</Title>
    </Stack>
  );
}
