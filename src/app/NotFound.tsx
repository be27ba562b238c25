import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFound() {
  return (
    <Stack gap="sm" maw={560}>
      <Title order={2}>Page not found</Title>
      <Text>There is no page at this address. Use the navigation, or go to the start page.</Text>
      <Anchor component={Link} to="/">
        Go to the start page
      </Anchor>
    </Stack>
  );
}
