import { Stack, Text, Title } from '@mantine/core';
import { capabilityLabels, useCapabilities, type Capability } from '../session/capabilities';

/** Shown in place of a page the identity may not read, instead of a blank or broken page. */
export function NoAccess({ capability }: { capability: Capability }) {
  const { can } = useCapabilities();
  return (
    <Stack gap="sm" maw={640} role="region" aria-label="No access">
      <Title order={2}>No access</Title>
      <Text>You do not have permission to {capabilityLabels[capability]}.</Text>
      <Text c="dimmed" size="sm">
        {can(capability).reason} Ask an administrator for the permission, or log in as another identity.
      </Text>
    </Stack>
  );
}
