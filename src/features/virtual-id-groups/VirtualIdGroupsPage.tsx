import { Stack, Title } from '@mantine/core';

export function VirtualIdGroupsPage() {
  return (
    <Stack>
      <Title order={2}>Virtual ID groups</Title>
    </Stack>
  );
}
