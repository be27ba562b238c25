import { Navigate } from 'react-router';
import { Loader, Stack, Text, Title } from '@mantine/core';
import { useCapabilities } from '../session/capabilities';
import { navItems } from './navigation';

/** "/" opens the first page this identity may use. */
export function HomeRedirect() {
  const { ready, can } = useCapabilities();
  if (!ready) return <Loader aria-label="Checking permissions" />;
  const first = navItems.find((item) => can(item.capability).allowed);
  if (first) return <Navigate to={first.to} replace />;
  return (
    <Stack gap="sm" maw={640}>
      <Title order={2}>Nothing to show</Title>
      <Text>
        This identity may not use any page of the console. Log in as another identity, or ask an
        administrator.
      </Text>
    </Stack>
  );
}
